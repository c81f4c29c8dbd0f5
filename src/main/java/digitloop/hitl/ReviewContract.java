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
    private final Digits train;
    /** Indices into {@code train} of what the model trained on: 54,000 images are copied only when a retrain replays them. */
    private final int[] trained;
    private final Digits gate;
    private final Pool pool;
    private final HiddenLabels hidden;
    private final Pool answerable;
    private final TrainedOn trainedOn;
    private final String description;

    private ReviewContract(Workflow workflow, Digits train, int[] trained, PoolSplit split, Pool answerable, TrainedOn trainedOn,
                           String description) {
        this.workflow = workflow;
        this.train = train;
        this.trained = trained;
        this.gate = split.validation();
        this.pool = split.pool();
        this.hidden = split.hidden();
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
        // The indices Splits.trainValidation picks over the first images, without copying 60,000 of them.
        int[] order = Splits.permutation(first, t.splitSeed());
        int held = (int) Math.round(first * t.validationFraction());
        int[] heldOut = java.util.Arrays.copyOfRange(order, 0, held);
        int[] trainedIndices = java.util.Arrays.copyOfRange(order, held, order.length);
        java.util.Arrays.sort(heldOut);
        java.util.Arrays.sort(trainedIndices);
        // The gate is drawn from everything the model never saw, before the labelled images leave the pool, so
        // every round (and every restart) judges on the same images.
        List<Integer> unseen = new ArrayList<>();
        for (int i : heldOut) unseen.add(i);
        for (int i = first; i < train.size(); i++) unseen.add(i);
        int minimum = GATE_VALIDATION + 100;
        if (unseen.size() - human.size() < minimum) {
            throw new ReviewRefusedException(String.format(Locale.ROOT, "%s trained on %,d of MNIST's %,d training images, leaving %,d "
                    + "it has never seen, too few to hold %,d back for checking a retrain and still offer a pool (reviewing images it "
                    + "trained on would teach it nothing and make it forget). Start a small-start project (Review → New small-start "
                    + "project), review a folder of your own images (Review → Add my images…), or teach it your drawings in the Draw tab; "
                    + "to check the labels it trained on, use the suspicious-labels queue.", model.name(), train.size() - unseen.size() + human.size(),
                    train.size(), unseen.size() - human.size(), GATE_VALIDATION));
        }
        int[] gateOrder = Splits.permutation(unseen.size(), GATE_SEED);
        int[] gate = new int[GATE_VALIDATION];
        List<Integer> rest = new ArrayList<>();
        for (int k = 0; k < gateOrder.length; k++) {
            int i = unseen.get(gateOrder[k]);
            if (k < GATE_VALIDATION) gate[k] = i; else if (!human.contains(train.id(i))) rest.add(i);
        }
        int[] pool = PoolSplit.toArray(rest);
        java.util.Arrays.sort(gate);
        java.util.Arrays.sort(pool);
        PoolSplit split = split(train.subset(gate), train.subset(pool));
        Pool answerable = answerable(train, pool, human);
        String description = String.format(Locale.ROOT, "Reviewing images %s never trained on: %,d held out when it was trained"
                        + "%s. %,d of them are the pool, %,d judge each retrain, and a retrain replays %s's own training images so it "
                        + "does not forget.", model.name(), held,
                first < train.size() ? String.format(Locale.ROOT, " and %,d it never saw", train.size() - first) : "",
                pool.length, GATE_VALIDATION, model.name());
        return new ReviewContract(Workflow.TRAINED_ON_MOST, train, trainedIndices, split, answerable, t, description);
    }

    private static ReviewContract smallStart(ModelMetadata model, Digits train, TrainedOn t, Set<Integer> human) {
        PoolSplit start = PoolSplit.balanced(train, t.startLabels(), t.validation(), t.splitSeed());
        Digits pool = start.pool().images();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) if (!human.contains(pool.id(i))) keep.add(index(train, pool.id(i)));
        int[] poolIndices = PoolSplit.toArray(keep);
        PoolSplit split = split(start.validation(), train.subset(poolIndices));
        Pool answerable = answerable(train, poolIndices, human);
        String description = String.format(Locale.ROOT, "Small-start project: %s trained on %,d labelled images%s; the other %,d "
                        + "training images are the pool, %,d judge each retrain.", model.name(), t.startLabels(),
                human.isEmpty() ? "" : String.format(Locale.ROOT, " and %,d of your labels", human.size()), keep.size(), t.validation());
        int[] trainedIndices = new int[start.labeled().size()];
        for (int i = 0; i < trainedIndices.length; i++) trainedIndices[i] = index(train, start.labeled().id(i));
        return new ReviewContract(Workflow.SMALL_START, train, trainedIndices, split, answerable, t, description);
    }

    /** Pool images keep their true labels only in the hidden handle an oracle gets. */
    private static PoolSplit split(Digits gate, Digits poolWithLabels) {
        Map<Integer, Integer> hidden = new HashMap<>();
        for (int i = 0; i < poolWithLabels.size(); i++) hidden.put(poolWithLabels.id(i), poolWithLabels.label(i));
        return new PoolSplit(gate.head(0), gate, new Pool(poolWithLabels), new HiddenLabels(hidden));
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

    /** How many training images the model learned from. */
    public int trainedCount() { return trained.length; }

    /** {@code n} of the images the model trained on, drawn with {@code seed} (all of them for 0 or more than there are). */
    public Digits replay(int n, long seed) {
        if (n <= 0 || n >= trained.length) return train.subset(trained);
        int[] order = Splits.permutation(trained.length, seed);
        int[] pick = new int[n];
        for (int k = 0; k < n; k++) pick[k] = trained[order[k]];
        return train.subset(pick);
    }

    /** The pool's true labels, for an oracle (experiments, the random baseline), never for a strategy. */
    public HiddenLabels hidden() { return hidden; }

    public Pool pool() { return pool; }

    /** The images whose answers a retrain may use: the pool and those labelled in earlier rounds (never the gate or the test set). */
    public Pool answerable() { return answerable; }

    public Digits gate() { return gate; }

    public TrainedOn trainedOn() { return trainedOn; }

    /** One sentence for the Review tab: which workflow runs, and on what. */
    public String description() { return description; }
}
