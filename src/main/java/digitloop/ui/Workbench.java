package digitloop.ui;

import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import digitloop.hitl.LabelJournal;
import digitloop.model.LoadedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the tabs share once the engine is loaded: the data, the current model and the label
 * journal. Changed only on the EDT; listeners hear about a new model there.
 */
public final class Workbench {
    public static final Path JOURNAL = Path.of("labels", "journal.tsv");

    private final DatasetStore store;
    private final Digits train;
    private final Digits test;
    private final LabelJournal journal;
    private LoadedModel model;
    private final List<Consumer<LoadedModel>> modelListeners = new ArrayList<>();

    public Workbench(DatasetStore store, Digits train, Digits test, LabelJournal journal, LoadedModel model) {
        this.store = store;
        this.train = train;
        this.test = test;
        this.journal = journal;
        this.model = model;
    }

    public DatasetStore store() { return store; }

    public Digits train() { return train; }

    public Digits test() { return test; }

    public LabelJournal journal() { return journal; }

    public LoadedModel model() { return model; }

    public void setModel(LoadedModel newModel) {
        model = newModel;
        modelListeners.forEach(l -> l.accept(newModel));
    }

    public void onModelChange(Consumer<LoadedModel> listener) {
        modelListeners.add(listener);
    }
}
