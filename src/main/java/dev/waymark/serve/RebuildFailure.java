package dev.waymark.serve;

import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.DisplayPath;
import dev.waymark.diag.SourcePosition;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * A rebuild that threw instead of reporting, turned into a diagnostic like any other. It is placed at the file whose
 * change started the rebuild, since that change is what the author can undo.
 */
final class RebuildFailure {
    private RebuildFailure() {
    }

    /** @param changed the files whose change started the rebuild, or null when unknown */
    static Diagnostic diagnostic(Throwable e, Collection<Path> changed, Path content) {
        List<Path> files = changed == null ? List.of() : changed.stream().sorted().toList();
        Path file = files.stream().filter(Files::isRegularFile).findFirst().orElse(files.isEmpty() ? content : files.get(0));
        SourcePosition at = SourcePosition.ofFile(DisplayPath.of(file));
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException gone) {
            return Diagnostic.error("rebuild-failed", at, "the rebuild failed: " + gone.getFile() + " was removed while the site was being built",
                    "nothing to do: the next change rebuilds the site");
        }
        if (cause instanceof StackOverflowError) {
            return Diagnostic.error("rebuild-failed", at, "the rebuild failed: something in this change is nested too deeply to process",
                    "undo the last change to this file, or nest less deeply");
        }
        String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip());
        return Diagnostic.error("rebuild-failed", at, "the rebuild failed: " + what.lines().findFirst().orElse(what),
                "undo the last change to this file; if the error stays, report it with the file that causes it");
    }

}
