package digitloop.cli;

import digitloop.data.Digits;
import digitloop.data.KaggleCsvReader;
import digitloop.data.KaggleLayout;
import digitloop.task.CancellationToken;
import java.io.IOException;
import java.nio.file.Path;

/** {@code --data-csv}: a labelled Kaggle train.csv read with a progress line, for {@code train} and {@code evaluate}. */
final class KaggleCsvInput {
    private KaggleCsvInput() {
    }

    static Digits readLabelled(Path file) throws IOException {
        ProgressLine line = new ProgressLine(System.err);
        try {
            return KaggleCsvReader.read(file, KaggleLayout.TRAIN, line, CancellationToken.none());
        } finally {
            line.clear();
        }
    }
}
