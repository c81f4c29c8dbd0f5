package digitloop.cli;

import digitloop.task.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code digitloop}: the root of the command line; with no subcommand the desktop app opens. */
@Command(name = "digitloop", mixinStandardHelpOptions = true, version = "DigitLoop 0.1.0",
        description = "Handwritten-digit recognition with a human in the loop. Without a command the desktop app opens.",
        subcommands = {FetchDataCommand.class, TrainCommand.class, TrainGanCommand.class, GenerateCommand.class, EvaluateCommand.class,
                PredictCommand.class, ExperimentCommand.class, BenchCommand.class, AverageCommand.class, KaggleCommand.class,
                FindLabelIssuesCommand.class})
public final class RootCommand implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RootCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs a command line and returns the exit code: 0 ok, 1 failed, 2 bad usage. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // One plain line for the person; the stack goes to the log file.
            log.error("command failed: {}", String.join(" ", args), e);
            commandLine.getErr().println("error: " + UserMessages.of(e) + " (" + UserMessages.details() + ")");
            return 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        return cli.execute(args);
    }
}
