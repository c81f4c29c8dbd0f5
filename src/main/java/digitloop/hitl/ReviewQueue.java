package digitloop.hitl;

import digitloop.model.Classifier;
import digitloop.model.Scores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import digitloop.task.CancellationToken;

/**
 * The samples to show a person, most informative first, each with the model's guess. Samples the
 * journal already holds are left out. Built through a journal, the queue is recorded in it, so a
 * restarted app can {@link #resume} the same queue at the place the person stopped.
 */
public final class ReviewQueue {
    public record Item(int poolIndex, int sampleId, float[] image, int side, int guess, float[] probabilities) {
        public float guessProbability() { return probabilities[guess]; }
    }

    private final List<Item> items;
    private final String strategy;
    private final List<Integer> skipped = new ArrayList<>();
    private int position;

    private ReviewQueue(List<Item> items, String strategy, int position) {
        this.items = List.copyOf(items);
        this.strategy = strategy;
        this.position = position;
    }

    /** Up to {@code size} pool samples chosen by {@code kind}, leaving out the ids in {@code alreadyAnswered}. */
    public static ReviewQueue build(Classifier model, Pool pool, StrategyKind kind, int size, QueryOptions options,
                                    Set<Integer> alreadyAnswered) {
        return build(model, pool, kind, size, options, alreadyAnswered, CancellationToken.none());
    }

    private static ReviewQueue build(Classifier model, Pool pool, StrategyKind kind, int size, QueryOptions options,
                                     Set<Integer> alreadyAnswered, CancellationToken cancelled) {
        int[] picked = kind.create().select(model, pool, size + alreadyAnswered.size(), options, cancelled);
        List<Integer> chosen = new ArrayList<>();
        for (int index : picked) {
            if (chosen.size() == size) break;
            if (!alreadyAnswered.contains(pool.id(index))) chosen.add(index);
        }
        return new ReviewQueue(items(model, pool, PoolSplit.toArray(chosen)), strategyName(kind), 0);
    }

    /** As {@link #build(Classifier, Pool, StrategyKind, int, QueryOptions, Set)}, and records the queue in the journal. */
    public static ReviewQueue build(Classifier model, Pool pool, StrategyKind kind, int size, QueryOptions options,
                                    LabelJournal journal) throws IOException {
        return build(model, pool, kind, size, options, journal, CancellationToken.none());
    }

    /**
     * As {@link #build(Classifier, Pool, StrategyKind, int, QueryOptions, Set)}, and records the queue in the
     * journal; scoring stops with a {@link java.util.concurrent.CancellationException} once {@code cancelled}
     * says so, and then nothing is recorded.
     */
    public static ReviewQueue build(Classifier model, Pool pool, StrategyKind kind, int size, QueryOptions options,
                                    LabelJournal journal, CancellationToken cancelled) throws IOException {
        ReviewQueue queue = build(model, pool, kind, size, options, journal.labelledIds(), cancelled);
        journal.recordQueue(queue.strategy, queue.items.stream().map(Item::sampleId).toList());
        return queue;
    }

    /**
     * The journal's last queue, re-scored by {@code model}, positioned just after the last sample the
     * person answered (undone answers do not count); empty when the journal holds no queue or none
     * of its samples is in this pool.
     */
    public static Optional<ReviewQueue> resume(Classifier model, Pool pool, LabelJournal journal) {
        Optional<QueueSnapshot> snapshot = journal.lastQueue();
        if (snapshot.isEmpty()) return Optional.empty();
        Set<Integer> answered = journal.labelledIds();
        List<Integer> indices = new ArrayList<>();
        int position = 0;
        for (int id : snapshot.get().sampleIds()) {
            int index = pool.indexOf(id);
            if (index < 0) continue;
            indices.add(index);
            if (answered.contains(id)) position = indices.size();
        }
        if (indices.isEmpty()) return Optional.empty();
        return Optional.of(new ReviewQueue(items(model, pool, PoolSplit.toArray(indices)), snapshot.get().strategy(), position));
    }

    private static List<Item> items(Classifier model, Pool pool, int[] indices) {
        Scores scores = model.score(pool.images().subset(indices));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < indices.length; i++) {
            items.add(new Item(indices[i], pool.id(indices[i]), pool.images().image(indices[i]), pool.images().side(),
                    scores.argmax(i), scores.probabilities()[i]));
        }
        return items;
    }

    private static String strategyName(StrategyKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    public boolean hasCurrent() { return position < items.size(); }

    public Item current() {
        if (!hasCurrent()) throw new IllegalStateException("the queue is done");
        return items.get(position);
    }

    /** Moves on after an answer. */
    public void next() {
        if (position < items.size()) position++;
    }

    /** Moves on without an answer; the sample is remembered in {@link #skipped()}. */
    public void skip() {
        if (!hasCurrent()) return;
        skipped.add(items.get(position).sampleId());
        position++;
    }

    /** Same as {@link #next()}: kept for callers written before skip and next were told apart. */
    public void advance() { next(); }

    /** After an undo: show the previous sample again. */
    public void back() {
        if (position > 0) position--;
    }

    /** After an undo of {@code sampleId}: show that sample again if it is in this queue; otherwise step back one. */
    public void backTo(int sampleId) {
        for (int i = Math.min(position, items.size()) - 1; i >= 0; i--) {
            if (items.get(i).sampleId() == sampleId) {
                position = i;
                skipped.remove(Integer.valueOf(sampleId));
                return;
            }
        }
        back();
    }

    public int position() { return position; }

    public int size() { return items.size(); }

    public int remaining() { return items.size() - position; }

    public List<Item> items() { return items; }

    /** Sample ids skipped in this session, in order. */
    public List<Integer> skipped() { return List.copyOf(skipped); }

    public String strategy() { return strategy; }
}
