package dev.waymark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code waymark} command: init, build, check, serve and new. */
@Command(name = "waymark", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A static site generator for decision guides.",
        subcommands = {InitCommand.class, BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class, CommandLine.HelpCommand.class})
public final class Waymark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("build") || args[0].equals("serve"))) {
            dev.waymark.content.Markdown.warmUp();
        }
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println(OUT_OF_MEMORY);
            code = 3;
        }
        System.exit(code);
    }

    static final String OUT_OF_MEMORY = "waymark: out of memory; nothing was changed. Give Java more heap, "
            + "e.g. WAYMARK_JAVA_OPTS=-Xmx2g ./waymark build";

    /** The configured command line; tests run commands through it exactly as the launcher does. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Waymark());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OutOfMemoryError) {
                    cmd.getErr().println(OUT_OF_MEMORY);
                    return 3;
                }
            }
            cmd.getErr().println("waymark: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            if (Boolean.getBoolean("waymark.verbose")) e.printStackTrace(cmd.getErr());
            return 3;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: init, build, check, serve or new");
    }
}
