package digitloop.ui;

import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import digitloop.hitl.LabelJournal;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Gets the engine ready on a worker: data (fetched with progress when missing), the model, the journal. */
final class EngineLoader {
    private EngineLoader() {
    }

    static Workbench load(TaskContext ctx, Path modelFile) throws Exception {
        DatasetStore store = new DatasetStore();
        if (!store.isComplete()) {
            store.fetch((stage, done, total) -> ctx.progress(total > 0 ? (double) done / total : -1,
                    String.format(Locale.ROOT, "Fetching MNIST: %s %s", stage, total > 0 ? String.format(Locale.ROOT, "%.0f %%", 100.0 * done / total) : "")));
        }
        ctx.progress(-1, "Reading MNIST…");
        Digits train = store.train();
        Digits test = store.test();
        Path file = Files.isRegularFile(modelFile) ? modelFile : Path.of("models", "cnn.zip");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No model in models/: build the default models with 'models/build.sh' "
                    + "(about 40 minutes on 2 cores), or train one in the Train tab.");
        }
        ctx.progress(-1, "Loading " + file + "…");
        LoadedModel model = ModelFile.load(file);
        LabelJournal journal = LabelJournal.open(Workbench.JOURNAL, store.fingerprint());
        return new Workbench(store, train, test, journal, model);
    }
}
