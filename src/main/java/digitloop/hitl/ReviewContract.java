package digitloop.hitl;

import digitloop.data.Digits;
import digitloop.data.Splits;
import digitloop.model.ModelMetadata;
import digitloop.model.TrainedOn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a review session may ask about and train on, from what its model was trained on
 * (docs/architecture.md, "Human in the loop"): the pool holds only training images the model has
 * never learned from; a set of them is held back as the gate's validation, which neither the pool
 * nor a retrain ever sees; the images the model did learn from are the replay a fine-tune keeps
 * seeing so it does not forget. The test set never enters.
 */
public final class ReviewContract {
    /** Unseen images held back to judge a retrain: 2,000 resolve a change of 0.05 points (one image). */
    public static final int GATE_VALIDATION = 2000;
    /** The gate's images are drawn with this seed, so every round and every restart judges on the same ones. */
    static final long GATE_SEED = 20_261_201L;

    public enum Workflow {
        /** A model trained on (nearly) all of MNIST: its pool is the part of the training images it held out. */
        TRAINED_ON_MOST,
        /** A model trained on a small labelled start: the rest of the training images is the pool. */
        SMALL_START
    }

    private final Workflow workflow;
    private final PoolSplit split;
    private final Pool answerable;
    private final TrainedOn trainedOn;
    private final String description;

    private ReviewContract(Workflow workflow, PoolSplit split, Pool answerable, TrainedOn trainedOn, String description) {
        this.workflow = workflow;
        this.split = split;
        this.answerable = answerable;
        this.trainedOn = trainedOn;
        this.description = description;
    }

    /**
     * The contract of {@code model} over {@code train}, MNIST's training images degraded as the model
     * expects (ids 0..59,999).
     *
     * @throws ReviewRefusedException when the sidecar does not say what the model trained on, or when it
     *                                trained on so much that there is nothing left to review
     */
    public static ReviewContract of(ModelMetadata model, Digits train) {
        TrainedOn t = model.trainedOnOrInferred();
        if (t == null) {
            throw new ReviewRefusedException("The model " + model.name() + " does not record which training images it learned from, "
                    + "so a review pool could hold images it already knows. Retrain it with this version of DigitLoop, or start a "
                    + "small-start project (Review → New small-start project).");
        }
        Set<Integer> human = new HashSet<>(t.humanIds());
        return t.kind() == TrainedOn.Kind.SMALL_START ? smallStart(model, train, t, human) : holdout(model, train, t, human);
    }

    private static ReviewContract holdout(ModelMetadata model, Digits train, TrainedOn t, Set<Integer> human) {
        int first = Math.min(t.images(), train.size());
        Digits[] parts = Splits.trainValidation(train.head(first), t.validationFraction(), t.splitSeed());
        // The gate is drawn from everything the model never saw, before the labelled images leave the pool, so
        // every round (and every restart) judges on the same images.
        List<Integer> unseen = new ArrayList<>();
        for (int i = 0; i < parts[1].size(); i++) unseen.add(index(train, parts[1].id(i)));
        for (int i = first; i < train.size(); i++) unseen.add(i);
        int minimum = GATE_VALIDATION + 100;
        if (unseen.size() - human.size() < minimum) {
            throw new ReviewRefusedException(String.format(Locale.ROOT, "%s trained on %,d of MNIST's %,d training images, leaving %,d "
                    + "it has never seen, too few to hold %,d back for checking a retrain and still offer a pool (reviewing images it "
                    + "trained on would teach it nothing and make it forget). Start a small-start project (Review → New small-start "
                    + "project), or teach it your own drawings in the Draw tab.", model.name(), train.size() - unseen.size() + human.size(),
                    train.size(), unseen.size() - human.size(), GATE_VALIDATION));
        }
        int[] order = Splits.permutation(unseen.size(), GATE_SEED);
        int[] gate = new int[GATE_VALIDATION];
        List<Integer> rest = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            int i = unseen.get(order[k]);
            if (k < GATE_VALIDATION) gate[k] = i; else if (!human.contains(train.id(i))) rest.add(i);
        }
        int[] pool = PoolSplit.toArray(rest);
        java.util.Arrays.sort(gate);
        java.util.Arrays.sort(pool);
        PoolSplit split = split(parts[0], train.subset(gate), train.subset(pool));
        Pool answerable = answerable(train, pool, human);
        String description = String.format(Locale.ROOT, "Reviewing images %s never trained on: %,d held out when it was trained"
                        + "%s. %,d of them are the pool, %,d judge each retrain, and a retrain replays %s's own training images so it "
                        + "does not forget.", model.name(), parts[1].size(),
                first < train.size() ? String.format(Locale.ROOT, " and %,d it never saw", train.size() - first) : "",
                pool.length, GATE_VALIDATION, model.name());
        return new ReviewContract(Workflow.TRAINED_ON_MOST, split, answerable, t, description);
    }

    private static ReviewContract smallStart(ModelMetadata model, Digits train, TrainedOn t, Set<Integer> human) {
        PoolSplit start = PoolSplit.balanced(train, t.startLabels(), t.validation(), t.splitSeed());
        Digits pool = start.pool().images();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) if (!human.contains(pool.id(i))) keep.add(index(train, pool.id(i)));
        int[] poolIndices = PoolSplit.toArray(keep);
        PoolSplit split = split(start.labeled(), start.validation(), train.subset(poolIndices));
        Pool answerable = answerable(train, poolIndices, human);
        String description = String.format(Locale.ROOT, "Small-start project: %s trained on %,d labelled images%s; the other %,d "
                        + "training images are the pool, %,d judge each retrain.", model.name(), t.startLabels(),
                human.isEmpty() ? "" : String.format(Locale.ROOT, " and %,d of your labels", human.size()), keep.size(), t.validation());
        return new ReviewContract(Workflow.SMALL_START, split, answerable, t, description);
    }

    /** Pool images keep their true labels only in the hidden handle an oracle gets. */
    private static PoolSplit split(Digits trainedOn, Digits gate, Digits poolWithLabels) {
        Map<Integer, Integer> hidden = new HashMap<>();
        for (int i = 0; i < poolWithLabels.size(); i++) hidden.put(poolWithLabels.id(i), poolWithLabels.label(i));
        return new PoolSplit(trainedOn, gate, new Pool(poolWithLabels), new HiddenLabels(hidden));
    }

    /** The pool and the images a person labelled in earlier rounds: a retrain replays those answers too. */
    private static Pool answerable(Digits train, int[] pool, Set<Integer> human) {
        List<Integer> all = new ArrayList<>();
        for (int i : pool) all.add(i);
        for (int id : human) all.add(index(train, id));
        return new Pool(train.subset(PoolSplit.toArray(all)));
    }

    /** MNIST training ids are their index in the training file. */
    private static int index(Digits train, int id) {
        if (id < train.size() && train.id(id) == id) return id;
        for (int i = 0; i < train.size(); i++) if (train.id(i) == id) return i;
        throw new IllegalArgumentException("sample " + id + " is not a training image");
    }

    public Workflow workflow() { return workflow; }

    /** {@code labeled}: the images the model trained on (the replay); {@code validation}: the gate; the pool. */
    public PoolSplit split() { return split; }

    public Pool pool() { return split.pool(); }

    /** The images whose answers a retrain may use: the pool and those labelled in earlier rounds (never the gate or the test set). */
    public Pool answerable() { return answerable; }

    public Digits gate() { return split.validation(); }

    public TrainedOn trainedOn() { return trainedOn; }

    /** One sentence for the Review tab: which workflow runs, and on what. */
    public String description() { return description; }
}
