package digitloop.ui;

import digitloop.files.AppHome;
import digitloop.data.DatasetStore;
import digitloop.train.TrainingRequest;
import java.nio.file.Path;

/**
 * The folders the app works in: the data, the models it offers, the label journal and the experiment
 * charts. The app uses the ones under its home ({@link AppHome}), wherever it was started from; tests
 * point them at a temporary folder.
 *
 * @param mirror        MNIST mirror to fetch from (null: the store's own choice, npm or the configured mirror)
 * @param trainDefaults what the Train tab starts from: the built-in defaults, or what the configuration
 *                      files make of them (DigitLoopApp resolves them as {@code train} does)
 */
public record Workspace(Path data, Path models, Path journal, Path progressCharts, String mirror, TrainingRequest trainDefaults) {
    public Workspace {
        if (trainDefaults == null) trainDefaults = TrainingRequest.DEFAULT;
    }

    public Workspace(Path data, Path models, Path journal, Path progressCharts, String mirror) {
        this(data, models, journal, progressCharts, mirror, TrainingRequest.DEFAULT);
    }

    public static Workspace current() {
        return new Workspace(DatasetStore.DEFAULT_FOLDER, AppHome.resolve("models"), AppHome.resolve("labels", "journal.tsv"),
                AppHome.resolve("training_progress"), null);
    }

    public Workspace withTrainDefaults(TrainingRequest r) {
        return new Workspace(data, models, journal, progressCharts, mirror, r);
    }

    public DatasetStore store() {
        DatasetStore store = new DatasetStore(data);
        return mirror == null ? store : store.withMirror(mirror);
    }

    /** The model the app opens when none was chosen before. */
    public Path defaultModel() {
        return models.resolve("cnn.zip");
    }

    public Workspace withJournal(Path file) {
        return new Workspace(data, models, file, progressCharts, mirror, trainDefaults);
    }
}
