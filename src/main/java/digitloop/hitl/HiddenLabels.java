package digitloop.hitl;

import java.util.HashMap;
import java.util.Map;

/** The pool's true labels by sample id: what an oracle knows and a strategy must never see. */
public final class HiddenLabels {
    private final Map<Integer, Integer> byId;

    HiddenLabels(Map<Integer, Integer> byId) {
        this.byId = new HashMap<>(byId);
    }

    int labelOf(int sampleId) {
        Integer label = byId.get(sampleId);
        if (label == null) throw new IllegalArgumentException("sample " + sampleId + " is not in the pool");
        return label;
    }
}
