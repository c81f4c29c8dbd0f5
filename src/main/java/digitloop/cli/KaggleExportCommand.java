package digitloop.cli;

import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import digitloop.data.KaggleCsvWriter;
import digitloop.data.KaggleLayout;
import digitloop.task.CancellationToken;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write MNIST digits as a Kaggle Digit Recognizer CSV, to try kaggle submit, train --data-csv and "
                + "evaluate --data-csv without a Kaggle account, or to measure them.",
                "More --rows than the split holds repeat it from its first digit (MNIST has 10,000 test digits, Kaggle's "
                        + "test.csv 28,000 rows)."})
public final class KaggleExportCommand implements Callable<Integer> {
    /** Lower case, as a person types them. */
    enum Split { train, test }

    enum Layout {
        train(KaggleLayout.TRAIN), test(KaggleLayout.TEST);

        final KaggleLayout layout;

        Layout(KaggleLayout layout) {
            this.layout = layout;
        }
    }

    @Option(names = "--mnist", required = true, description = "MNIST split to take the digits from: train or test.")
    Split split;

    @Option(names = "--layout", required = true, description = "train (label,pixel0,…,pixel783) or test (pixel0,…,pixel783).")
    Layout layout;

    @Option(names = "--rows", description = "Rows to write (default: all the split's digits).")
    int rows;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV to write.")
    Path out;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        if (rows < 0) throw new IllegalArgumentException("--rows must be positive, not " + rows);
        DatasetStore store = data.ready();
        Digits digits = split == Split.train ? store.train() : store.test();
        int count = rows == 0 ? digits.size() : rows;
        int[] indices = new int[count];
        for (int r = 0; r < count; r++) indices[r] = r % digits.size();
        CancellationToken cancel = new CancellationToken();
        try (CtrlC ctrlC = CtrlC.cancels(cancel, "kaggle-export")) {
            KaggleCsvWriter.write(out, digits.subset(indices), layout.layout, cancel);
        }
        System.out.printf(Locale.ROOT, "Wrote %s: %d rows in the %s layout from MNIST's %s digits%s.%n", out, count,
                layout.layout.fileName(), split, count > digits.size() ? " (repeated from the first after " + digits.size() + ")" : "");
        return 0;
    }
}
