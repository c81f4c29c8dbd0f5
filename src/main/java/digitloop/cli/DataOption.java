package digitloop.cli;

import digitloop.data.DatasetStore;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data}, for every command that reads MNIST: the folder (by default under the app's home),
 * made ready for the command, with a progress line while it is fetched when it is missing.
 */
public final class DataOption {
    @Option(names = "--data", description = "Folder with the MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path folder = DatasetStore.DEFAULT_FOLDER;

    DatasetStore ready() throws IOException {
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
