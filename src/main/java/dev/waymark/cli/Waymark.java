package dev.waymark.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code waymark} command: init, build, check, serve and new. */
@Command(name = "waymark", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A static site generator for decision guides.",
        subcommands = {InitCommand.class, BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class, CommandLine.HelpCommand.class})
public final class Waymark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the stack trace too.")
    boolean verbose;

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("build") || args[0].equals("serve"))) {
            dev.waymark.content.Markdown.warmUp();
        }
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            code = 3;
        }
        System.exit(code);
    }

    /**
     * The out-of-memory message. It suggests twice the heap this run had, rounded up to a whole gigabyte, so it never
     * tells someone to use the -Xmx they already use.
     */
    static String outOfMemory(long maxHeapBytes) {
        long gib = Math.max(2, (2 * maxHeapBytes + (1L << 30) - 1) >> 30);
        return "waymark: out of memory with a " + (maxHeapBytes >> 20) + " MB heap; nothing was changed. Give Java more heap, "
                + "e.g. WAYMARK_JAVA_OPTS=-Xmx" + gib + "g";
    }

    /** The configured command line; tests run commands through it exactly as the launcher does. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Waymark());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(dev.waymark.diag.Format.class, named(dev.waymark.diag.Format.class));
        cl.registerConverter(dev.waymark.diag.Severity.class, named(dev.waymark.diag.Severity.class));
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.setParameterExceptionHandler(Waymark::badUsage);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> internalFailure(e, cmd));
        // picocli hands only Exceptions to the handler; an Error (a StackOverflowError from input nobody foresaw)
        // would otherwise escape as a thousand-line stack trace. This is the one boundary that catches both.
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            try {
                return run.execute(parsed);
            } catch (CommandLine.ExecutionException e) {
                throw e;
            } catch (Error e) {
                CommandLine cmd = parsed.subcommand() != null ? last(parsed).commandSpec().commandLine() : cl;
                return internalFailure(e, cmd);
            }
        });
        return cl;
    }

    /**
     * A value of {@code type} as users type it, in any case; a value that is none of them is bad usage that names them
     * in lower case, as the help and the README do, with a "did you mean" for a typo ({@code --format txt}).
     */
    static <E extends Enum<E>> CommandLine.ITypeConverter<E> named(Class<E> type) {
        return value -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value)) return e;
            }
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList();
            String near = dev.waymark.diag.Suggest.closest(value, names);
            throw new CommandLine.TypeConversionException("\"" + value + "\" is not one of " + String.join(", ", names)
                    + (near != null ? "; did you mean " + near + "?" : ""));
        };
    }

    /**
     * Bad usage (exit 2): the cause, picocli's "did you mean" for a mistyped option or command, and one line that says
     * where the usage is, as git and cargo do, instead of the whole help text burying the cause.
     */
    static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        var err = cmd.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        if (e instanceof CommandLine.UnmatchedArgumentException && cmd.getCommandSpec().name().equals("new")) {
            // `waymark new profile Amazon S3`: the shell split the name, and "S3" is left over
            err.println("    hint: a name with spaces goes in quotes: waymark new profile \"Amazon S3\"");
        }
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return 2;
    }

    private static CommandLine.ParseResult last(CommandLine.ParseResult parsed) {
        while (parsed.subcommand() != null) parsed = parsed.subcommand();
        return parsed;
    }

    /**
     * Exit 3 with one line: what failed, that nothing was changed, and what to do. The stack trace only with
     * {@code --verbose}.
     */
    static int internalFailure(Throwable e, CommandLine cmd) {
        var err = cmd.getErr();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
                return 3;
            }
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() != null && cause.getCause().getMessage() != null
                && cause.getMessage().contains(cause.getCause().getMessage())) {
            cause = cause.getCause(); // wrappers that repeat their cause's message add nothing
        }
        String what = cause instanceof StackOverflowError
                ? "the input is nested too deeply to process (StackOverflowError)"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse(""));
        err.println("waymark " + cmd.getCommandName() + ": internal error: " + what + "; nothing was changed."
                + (verbose(cmd) ? "" : " Run again with --verbose for the stack trace, and report it."));
        if (verbose(cmd)) e.printStackTrace(err);
        err.flush();
        return 3;
    }

    private static boolean verbose(CommandLine cmd) {
        return Boolean.getBoolean("waymark.verbose")
                || (cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--verbose"));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: init, build, check, serve or new");
    }
}
