package digitloop.gan;

import digitloop.data.Digits;
import digitloop.model.Classifier;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures a generator against a judge (the default CNN): label fidelity, and per label the Fréchet distance in
 * the judge's penultimate-layer features between generated and real test digits, beside the same distance
 * between real training digits (as many as were generated, drawn at random) and the test digits as the floor.
 */
public final class GanMeasure {
    private GanMeasure() {
    }

    public static GanQuality measure(Generator generator, Classifier judge, String judgeName, Digits train, Digits test,
                                     int perLabel, long seed, double truncation, ProgressSink progress, CancellationToken cancel) {
        if (perLabel < 2) throw new IllegalArgumentException("at least 2 samples per label are needed, got " + perLabel);
        if (judge.metadata().inputSide() != GanSpec.SIDE || !judge.metadata().degradation().changesNothing()) {
            throw new IllegalArgumentException("the judge must be a clean 28x28 classifier such as models/cnn.zip");
        }
        List<Double> fidelity = new ArrayList<>();
        List<Double> fid = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> spread = new ArrayList<>();
        List<Double> realSpread = new ArrayList<>();
        int right = 0;
        Random pick = new Random(seed);
        for (int label = 0; label < GanSpec.LABELS; label++) {
            cancel.throwIfCancelled();
            progress.progress(label / 10.0, "measuring label " + label);
            int[] labels = new int[perLabel];
            java.util.Arrays.fill(labels, label);
            // Each label's noise has its own seed, so a label's figures do not depend on how many labels came before.
            float[] images = generator.generate(labels, generator.noise(seed * 100 + label, perLabel), truncation);
            Digits generated = Digits.of(images, GanSpec.SIDE, labels, Digits.consecutiveIds(perLabel, 0));
            var scores = judge.score(generated, cancel);
            int agree = 0;
            for (int i = 0; i < perLabel; i++) if (scores.argmax(i) == label) agree++;
            right += agree;
            fidelity.add((double) agree / perLabel);
            spread.add(Variety.perLabel(images, labels)[label]);
            Digits realDigits = ofLabel(test, label, Integer.MAX_VALUE, pick);
            realSpread.add(Variety.perLabel(pixelsOf(realDigits), realDigits.labels())[label]);
            float[][] real = judge.features(realDigits, cancel);
            fid.add(FrechetDistance.between(judge.features(generated, cancel), real));
            floor.add(FrechetDistance.between(judge.features(ofLabel(train, label, perLabel, pick), cancel), real));
        }
        progress.progress(1, "measured");
        return new GanQuality(judgeName, perLabel, seed, truncation, (double) right / (perLabel * GanSpec.LABELS), fidelity,
                mean(fid), fid, mean(floor), floor, spread, realSpread);
    }

    private static float[] pixelsOf(Digits digits) {
        float[] pixels = new float[digits.size() * GanSpec.PIXELS];
        for (int i = 0; i < digits.size(); i++) digits.copyImage(i, pixels, i * GanSpec.PIXELS);
        return pixels;
    }

    /** Up to {@code limit} digits of {@code label}, drawn at random when there are more. */
    static Digits ofLabel(Digits digits, int label, int limit, Random random) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < digits.size(); i++) if (digits.label(i) == label) found.add(i);
        if (found.size() > limit) {
            java.util.Collections.shuffle(found, random);
            found = found.subList(0, limit);
        }
        return digits.subset(found.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
