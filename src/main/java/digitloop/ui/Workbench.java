package digitloop.ui;

import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import digitloop.hitl.LabelJournal;
import digitloop.model.Classifier;
import digitloop.model.LoadedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the tabs share once the engine is loaded: the data, the current model (none until one is
 * trained or found) and the label journal. Changed only on the EDT; listeners hear about a new model
 * there. Batch work on the current model goes through one {@link Classifier}, whose methods are
 * synchronized, because a DL4J network must not run on two threads at once.
 */
public final class Workbench {
    private final Workspace workspace;
    private final DatasetStore store;
    private final Digits train;
    private final Digits test;
    private final LabelJournal journal;
    private LoadedModel model;
    private Classifier classifier;
    private final List<Consumer<LoadedModel>> modelListeners = new ArrayList<>();
    /**
     * Test-set evaluations of the last few models, by network identity and by file: a model is measured
     * once, not at every switch (the Draw tab's selector loads a chosen file anew each time).
     */
    private final List<Map.Entry<Object, TestEvaluation>> evaluations = new ArrayList<>();
    private static final int EVALUATIONS_KEPT = 4;

    public Workbench(Workspace workspace, DatasetStore store, Digits train, Digits test, LabelJournal journal, LoadedModel model) {
        this.workspace = workspace;
        this.store = store;
        this.train = train;
        this.test = test;
        this.journal = journal;
        setModelQuietly(model);
    }

    public Workspace workspace() { return workspace; }

    public DatasetStore store() { return store; }

    public Digits train() { return train; }

    public Digits test() { return test; }

    public LabelJournal journal() { return journal; }

    /** The current model, or null when there is none yet. */
    public LoadedModel model() { return model; }

    public boolean hasModel() { return model != null; }

    /** The shared classifier of the current model (null without one); safe to call from workers. */
    public synchronized Classifier classifier() { return classifier; }

    public void setModel(LoadedModel newModel) {
        setModelQuietly(newModel);
        modelListeners.forEach(l -> l.accept(newModel));
    }

    private synchronized void setModelQuietly(LoadedModel newModel) {
        model = newModel;
        classifier = newModel == null ? null : newModel.classifier();
    }

    /** The test-set evaluation of {@code m} if it was measured in this session, else null; any thread. */
    synchronized TestEvaluation evaluationOf(LoadedModel m) {
        if (m == null) return null;
        for (Map.Entry<Object, TestEvaluation> e : evaluations) if (e.getKey() == m.network()) return e.getValue();
        String file = fileKey(m);
        for (Map.Entry<Object, TestEvaluation> e : evaluations) if (file != null && file.equals(e.getKey())) return e.getValue();
        return null;
    }

    synchronized void rememberEvaluation(LoadedModel m, TestEvaluation evaluation) {
        String file = fileKey(m);
        evaluations.removeIf(e -> e.getKey() == m.network() || e.getKey().equals(file));
        evaluations.add(Map.entry(m.network(), evaluation));
        if (file != null) evaluations.add(Map.entry(file, evaluation));
        while (evaluations.size() > 2 * EVALUATIONS_KEPT) evaluations.remove(0);
    }

    /** A saved model is the same model as long as its file and creation date are. */
    private static String fileKey(LoadedModel m) {
        return m.file() == null ? null : m.file().toAbsolutePath().normalize() + "|" + m.metadata().createdAt();
    }

    public void onModelChange(Consumer<LoadedModel> listener) {
        modelListeners.add(listener);
    }
}
