package dev.waymark.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An internal failure, even an Error, is one line and exit 3; the stack trace comes only with --verbose. */
class InternalFailureTest {
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            return recurse(0);
        }

        private static int recurse(int n) {
            return recurse(n + 1) + 1;
        }
    }

    @CommandLine.Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("cannot rename /tmp/x to /tmp/y", new java.io.IOException("disk full"));
        }
    }

    private record Outcome(int code, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cl = Waymark.commandLine();
        cl.addSubcommand(new Boom());
        cl.addSubcommand(new Fail());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        return new Outcome(code, err.toString());
    }

    @Test
    void aStackOverflowIsOneLineAndExitThree() {
        Outcome r = run("boom");
        assertEquals(3, r.code());
        assertEquals("waymark boom: internal error: the input is nested too deeply to process (StackOverflowError); nothing was changed."
                + " Run again with --verbose for the stack trace, and report it." + System.lineSeparator(), r.err());
    }

    @Test
    void anExceptionIsOneLineWithItsMessage() {
        Outcome r = run("fail");
        assertEquals(3, r.code());
        assertEquals("waymark fail: internal error: IllegalStateException: cannot rename /tmp/x to /tmp/y; nothing was changed."
                + " Run again with --verbose for the stack trace, and report it." + System.lineSeparator(), r.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Outcome r = run("fail", "--verbose");
        assertEquals(3, r.code());
        assertTrue(r.err().startsWith("waymark fail: internal error: IllegalStateException: cannot rename /tmp/x to /tmp/y; nothing was changed."
                + System.lineSeparator() + "java.lang.IllegalStateException"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
