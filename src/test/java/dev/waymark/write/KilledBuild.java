package dev.waymark.write;

import dev.waymark.render.RenderedFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A build in a process of its own, for {@link SwapFaultTest}: {@code KilledBuild OUT VERSION STEP} dies like kill -9
 * ({@link Runtime#halt}: no finally blocks, no shutdown hooks) at that step of the commit; with {@code WAIT} instead of
 * a step it prints "staged" once its staging folder is full and commits when a line arrives on its input.
 */
public final class KilledBuild {
    private KilledBuild() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String version = args[1];
        boolean wait = args[2].equals("WAIT");
        SiteWriter.Faults faults = wait ? SiteWriter.Faults.NONE : at -> {
            if (at == SiteWriter.Step.valueOf(args[2])) Runtime.getRuntime().halt(137);
        };
        try (SiteWriter.Staging staging = SiteWriter.stage(out, faults)) {
            for (RenderedFile f : SwapFaultTest.site(version)) staging.put(f);
            if (wait) {
                System.out.println("staged");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            staging.commit();
        }
    }
}
