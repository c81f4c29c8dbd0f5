package digitloop.cli;

import digitloop.task.UserMessages;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code digitloop}: the root of the command line; with no subcommand the desktop app opens. */
@Command(name = "digitloop", mixinStandardHelpOptions = true, version = "DigitLoop 0.1.0",
        description = "Handwritten-digit recognition with a human in the loop. Without a command the desktop app opens.",
        subcommands = {FetchDataCommand.class, TrainCommand.class, TrainGanCommand.class, GenerateCommand.class, EvaluateCommand.class,
                PredictCommand.class, ExperimentCommand.class, BenchCommand.class, AverageCommand.class, KaggleCommand.class,
                FindLabelIssuesCommand.class, AdaptCommand.class})
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs a command line and returns the exit code: 0 ok, 1 failed, 2 bad usage or a bad configuration file. */
    public static int run(String... args) {
        return run(StartupOptions.parse(args), args);
    }

    /** As {@link #run(String...)}, with the start-up options already parsed (the entry point has, for logging). */
    public static int run(StartupOptions start, String... args) {
        CommandLine cli = new CommandLine(new RootCommand());
        if (start.problem() != null) return usageError(cli, start.problem());
        LayeredDefaults defaults = new LayeredDefaults(start.files());
        String unknown = defaults.firstUnknownKey(cli);
        if (unknown != null) return usageError(cli, unknown);
        cli.setDefaultValueProvider(defaults);
        CommandLine.IParameterExceptionHandler usage = (e, a) -> {
            CommandLine c = e.getCommandLine();
            if (e instanceof CommandLine.MissingParameterException && printConfigAsked(List.of(c))) {
                // --print-config shows what a command would run with, even before everything it needs is given.
                ResolvedSettings.of(c.getCommandSpec(), defaults).print(System.out);
                return 0;
            }
            String line = BadSetting.describe(e, defaults);
            if (line != null) return usageError(c, line);
            c.getErr().println("error: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        };
        cli.setParameterExceptionHandler(usage);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CommandLine.ParameterException p) return usage.handleParseException(p, args);
            // One plain line for the person; the stack goes to the log file.
            LoggerFactory.getLogger(RootCommand.class).error("command failed: {}", String.join(" ", args), e);
            commandLine.getErr().println("error: " + UserMessages.of(e) + " (" + UserMessages.details() + ")");
            return 1;
        });
        cli.setExecutionStrategy(parseResult -> {
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null) return help;
            List<CommandLine> chain = parseResult.asCommandLineList();
            if (printConfigAsked(chain)) {
                ResolvedSettings.of(chain.get(chain.size() - 1).getCommandSpec(), defaults).print(System.out);
                return 0;
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli.execute(args);
    }

    private static boolean printConfigAsked(List<CommandLine> chain) {
        return chain.stream().map(c -> c.getCommandSpec().findOption("--print-config"))
                .anyMatch(o -> o != null && Boolean.TRUE.equals(o.getValue()));
    }

    private static int usageError(CommandLine cli, String line) {
        cli.getErr().println("error: " + line);
        return 2;
    }
}
