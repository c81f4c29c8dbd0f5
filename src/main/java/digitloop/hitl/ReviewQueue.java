package digitloop.hitl;

import digitloop.model.Classifier;
import digitloop.model.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The samples to show a person, most uncertain first, each with the model's guess. Samples the
 * journal already holds are left out, so a reopened queue starts where the person stopped.
 */
public final class ReviewQueue {
    public record Item(int poolIndex, int sampleId, float[] image, int side, int guess, float[] probabilities) {
        public float guessProbability() { return probabilities[guess]; }
    }

    private final List<Item> items;
    private final String strategy;
    private int position;

    private ReviewQueue(List<Item> items, String strategy) {
        this.items = items;
        this.strategy = strategy;
    }

    public static ReviewQueue build(Classifier model, Pool pool, StrategyKind kind, int size, QueryOptions options,
                                    Set<Integer> alreadyAnswered) {
        int[] picked = kind.create().select(model, pool, size + alreadyAnswered.size(), options);
        List<Integer> chosen = new ArrayList<>();
        for (int index : picked) {
            if (chosen.size() == size) break;
            if (!alreadyAnswered.contains(pool.id(index))) chosen.add(index);
        }
        int[] indices = PoolSplit.toArray(chosen);
        Scores scores = model.score(pool.images().subset(indices));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < indices.length; i++) {
            items.add(new Item(indices[i], pool.id(indices[i]), pool.images().image(indices[i]), pool.images().side(),
                    scores.argmax(i), scores.probabilities()[i]));
        }
        return new ReviewQueue(items, kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    public boolean hasCurrent() { return position < items.size(); }

    public Item current() {
        if (!hasCurrent()) throw new IllegalStateException("the queue is done");
        return items.get(position);
    }

    /** After an answer or a skip. */
    public void advance() {
        if (position < items.size()) position++;
    }

    /** After an undo: show the previous sample again. */
    public void back() {
        if (position > 0) position--;
    }

    public int position() { return position; }

    public int size() { return items.size(); }

    public int remaining() { return items.size() - position; }

    public String strategy() { return strategy; }
}
