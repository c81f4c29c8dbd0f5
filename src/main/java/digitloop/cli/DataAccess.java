package digitloop.cli;

import digitloop.data.DatasetStore;
import java.io.IOException;
import java.nio.file.Path;

/** Gets MNIST ready for a command, fetching it with a progress line when it is missing. */
final class DataAccess {
    private DataAccess() {
    }

    static DatasetStore ready(Path folder) throws IOException {
        DatasetStore store = new DatasetStore(folder);
        if (!store.isComplete()) {
            System.err.println("MNIST is not in " + folder.toAbsolutePath() + " yet; fetching it.");
            ProgressLine line = new ProgressLine(System.err);
            store.fetch(line);
            line.clear();
        }
        return store;
    }
}
