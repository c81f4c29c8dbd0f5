package digitloop.hitl;

import digitloop.model.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the human labels bought: iterations against the random baseline, plus the first training's epochs. */
public final class HitlReport {
    private final String name;
    private final String strategy;
    private final List<EpochMetrics> initialTraining;
    private final double initialAccuracy;
    private final List<HitlIteration> iterations = new ArrayList<>();

    public HitlReport(String name, String strategy, List<EpochMetrics> initialTraining, double initialAccuracy) {
        this.name = name;
        this.strategy = strategy;
        this.initialTraining = List.copyOf(initialTraining);
        this.initialAccuracy = initialAccuracy;
    }

    public void add(HitlIteration iteration) { iterations.add(iteration); }

    public String name() { return name; }

    public String strategy() { return strategy; }

    public List<EpochMetrics> initialTraining() { return initialTraining; }

    public double initialAccuracy() { return initialAccuracy; }

    public List<HitlIteration> iterations() { return List.copyOf(iterations); }

    public double finalAccuracy() {
        return iterations.isEmpty() ? initialAccuracy : iterations.get(iterations.size() - 1).testAccuracy();
    }

    public double finalBaselineAccuracy() {
        return iterations.isEmpty() ? initialAccuracy : iterations.get(iterations.size() - 1).randomBaselineAccuracy();
    }

    public int labelsGiven() {
        return iterations.isEmpty() ? 0 : iterations.get(iterations.size() - 1).labelsGiven();
    }

    public int corrections() {
        return iterations.isEmpty() ? 0 : iterations.get(iterations.size() - 1).corrections();
    }

    /** One line of a chart: x is the epoch of the first training, then epochs + iteration. */
    public record Series(String name, double[] x, double[] y) {
    }

    /**
     * Chart data, accuracies in %: validation accuracy per epoch of the first training, then test
     * accuracy per iteration for the strategy and for the random baseline, both starting from the
     * first model's test accuracy at x = number of epochs.
     */
    public List<Series> series() {
        int epochs = initialTraining.size();
        double[] ex = new double[epochs];
        double[] ey = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            ex[i] = initialTraining.get(i).epoch();
            ey[i] = initialTraining.get(i).validationAccuracy() * 100;
        }
        int n = iterations.size() + 1;
        double[] x = new double[n];
        double[] hitl = new double[n];
        double[] random = new double[n];
        x[0] = epochs;
        hitl[0] = initialAccuracy * 100;
        random[0] = initialAccuracy * 100;
        for (int i = 1; i < n; i++) {
            HitlIteration it = iterations.get(i - 1);
            x[i] = epochs + it.iteration();
            hitl[i] = it.testAccuracy() * 100;
            random[i] = it.randomBaselineAccuracy() * 100;
        }
        return List.of(new Series("first training: validation accuracy per epoch", ex, ey),
                new Series("HITL (" + strategy + "): test accuracy", x, hitl),
                new Series("same number of random labels: test accuracy", x, random));
    }

    public String table() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s (%s): start %.2f %%%n", name, strategy, initialAccuracy * 100));
        s.append("iteration  labels  corrections  test acc  random acc  gain\n");
        for (HitlIteration it : iterations) {
            s.append(String.format(Locale.ROOT, "%9d  %6d  %11d  %7.2f %%  %8.2f %%  %+5.2f%n", it.iteration(), it.labelsGiven(),
                    it.corrections(), it.testAccuracy() * 100, it.randomBaselineAccuracy() * 100, it.gainSinceStart() * 100));
        }
        return s.toString();
    }
}
