package digitloop.ui;

import digitloop.model.Classifier;
import digitloop.model.LoadedModel;

/**
 * The canvas predicts with its own copy of the current network, so a reading never waits for an
 * evaluation on the shared one. Used only on the live lane's worker.
 */
final class CanvasClassifier {
    private record Own(LoadedModel source, Classifier classifier) {
    }

    private volatile Own own;

    /** A classifier for {@code model}, copied once per model. */
    Classifier of(LoadedModel model) {
        Own mine = own;
        if (mine == null || mine.source() != model) {
            mine = new Own(model, new Classifier(model.network().clone(), model.metadata()));
            own = mine;
        }
        return mine.classifier();
    }
}
