package digitloop.hitl;

import digitloop.data.Digits;
import digitloop.data.Splits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training images split three ways: a small labelled set to start from, a validation set for
 * checkpoints and thresholds, and the pool whose labels stay hidden until someone answers. The test
 * set never enters: pass only training images.
 */
public record PoolSplit(Digits labeled, Digits validation, Pool pool, HiddenLabels hidden) {

    /** Random split; {@code labeled} samples are drawn at random. */
    public static PoolSplit create(Digits train, int labeled, int validation, long seed) {
        return build(train, labeled, validation, seed, false);
    }

    /** As Gal et al. (2017): the initial labelled set holds the same number of samples of every digit. */
    public static PoolSplit balanced(Digits train, int labeled, int validation, long seed) {
        return build(train, labeled, validation, seed, true);
    }

    private static PoolSplit build(Digits train, int labeled, int validation, long seed, boolean balanced) {
        if (labeled < 1 || validation < 0 || labeled + validation >= train.size()) {
            throw new IllegalArgumentException("need 1 <= labeled and labeled + validation < " + train.size()
                    + ", got labeled " + labeled + ", validation " + validation);
        }
        int[] order = Splits.permutation(train.size(), seed);
        List<Integer> chosen = new ArrayList<>();
        boolean[] used = new boolean[train.size()];
        int[] perClass = new int[10];
        for (int i : order) {
            if (chosen.size() == labeled) break;
            int label = train.label(i);
            if (balanced && perClass[label] >= (labeled + 9) / 10) continue;
            perClass[label]++;
            chosen.add(i);
            used[i] = true;
        }
        List<Integer> val = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int i : order) {
            if (used[i]) continue;
            if (val.size() < validation) val.add(i); else rest.add(i);
        }
        Digits poolDigits = train.subset(toArray(rest));
        Map<Integer, Integer> hidden = new HashMap<>();
        for (int i = 0; i < poolDigits.size(); i++) hidden.put(poolDigits.id(i), poolDigits.label(i));
        return new PoolSplit(train.subset(toArray(chosen)), train.subset(toArray(val)), new Pool(poolDigits), new HiddenLabels(hidden));
    }

    /** The pool without the samples whose ids are given (those already answered). */
    public Pool withoutAnswered(java.util.Set<Integer> answeredIds) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) if (!answeredIds.contains(pool.id(i))) keep.add(i);
        return new Pool(pool.images().subset(toArray(keep)));
    }

    static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
