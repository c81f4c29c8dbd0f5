package digitloop;

import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Real MNIST for tests, read once per JVM. CI fetches it before the tests run (.ci/run). */
public final class TestData {
    private static Digits train;
    private static Digits test;

    private TestData() {
    }

    public static DatasetStore store() {
        DatasetStore store = new DatasetStore(Path.of("datasets", "mnist"));
        if (!store.isComplete()) {
            throw new IllegalStateException("MNIST is missing from datasets/mnist: run './digitloop fetch-data' first");
        }
        return store;
    }

    public static synchronized Digits train() {
        try {
            if (train == null) train = store().train();
            return train;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized Digits test() {
        try {
            if (test == null) test = store().test();
            return test;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
