package dev.waymark.write;

import java.nio.file.Path;

/**
 * The output folder may not be replaced: it overlaps what the build reads, or it holds files Waymark did not write.
 * Nothing has been deleted when this is thrown; the command reports it as bad usage (exit 2).
 */
public final class OutputRefusedException extends RuntimeException {
    private final transient Path folder;
    private final String reason;
    private final String hint;

    OutputRefusedException(Path folder, String reason, String hint) {
        super("refusing to write the site into " + folder + ": " + reason, null, false, false);
        this.folder = folder;
        this.reason = reason;
        this.hint = hint;
    }

    public Path folder() {
        return folder;
    }

    public String reason() {
        return reason;
    }

    public String hint() {
        return hint;
    }

    /** {@code waymark: refusing …} and an indented hint line, as the CLI prints it. */
    public String format() {
        return "waymark: " + getMessage() + System.lineSeparator() + "    hint: " + hint;
    }
}
