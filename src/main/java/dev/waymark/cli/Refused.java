package dev.waymark.cli;

import java.io.PrintWriter;

/**
 * A command that was written right but cannot do its work here: a folder that is not empty, a file that already
 * exists, no content folder, a port another process holds. Exit 2, as for bad usage, but printed as the cause and what
 * to do, without the "Run 'waymark … --help' for usage." line, which would send the reader to the wrong place.
 */
final class Refused {
    private Refused() {
    }

    /** Prints {@code waymark COMMAND: cause} and {@code     hint: …}; returns the exit code, 2. */
    static int print(PrintWriter err, String command, String cause, String hint) {
        err.println("waymark " + command + ": " + cause);
        err.println("    hint: " + hint);
        err.flush();
        return 2;
    }
}
