package digitloop.cli;

import picocli.CommandLine.Command;

/** {@code kaggle}: Kaggle's Digit Recognizer competition (its train.csv and test.csv; training and evaluating take --data-csv). */
@Command(name = "kaggle", mixinStandardHelpOptions = true,
        description = "Kaggle's Digit Recognizer: answer its test.csv in the submission format. Training and evaluating on "
                + "its train.csv: train --data-csv, evaluate --data-csv. export writes MNIST in either layout.",
        subcommands = {KaggleSubmitCommand.class, KaggleExportCommand.class})
public final class KaggleCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
