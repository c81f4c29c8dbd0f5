package digitloop.cli;

import picocli.CommandLine.Command;

/** {@code experiment}: long, reproducible runs whose outputs go into the repository (training_progress/, docs/al-curve/). */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Reproducible experiments: the original project's six HITL settings, and the active-learning curve of "
                + "Gal et al. (2017).",
        subcommands = {ExperimentSeed000Command.class, ExperimentAlCurveCommand.class, ExperimentReviewRoundCommand.class, ExperimentSmallStartRecipeCommand.class, ExperimentAdaptCommand.class,
                ExperimentMultiDigitCommand.class, ExperimentHandwritingCommand.class, ExperimentTransferCommand.class,
                ExperimentGanQualityCommand.class})
public final class ExperimentCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
