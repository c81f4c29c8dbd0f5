package digitloop.cli.handwriting;

import digitloop.data.Digits;
import digitloop.model.Classifier;
import digitloop.model.LoadedModel;
import digitloop.model.Prediction;
import digitloop.model.Scores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How one model does on the handwriting test set, by kind of image: right, answered, right when answered. */
public record HandwritingReport(String model, Map<String, Tally> byKind, Tally all, int nonDigits, double nonDigitsRejected) {
    /** Counts of one kind of image. */
    public record Tally(int images, int right, int answered, int answeredRight) {
        Tally plus(boolean isRight, boolean isAnswered) {
            return new Tally(images + 1, right + (isRight ? 1 : 0), answered + (isAnswered ? 1 : 0), answeredRight + (isAnswered && isRight ? 1 : 0));
        }

        public double accuracy() { return images == 0 ? 0 : (double) right / images; }

        public double answeredShare() { return images == 0 ? 0 : (double) answered / images; }

        public double answeredAccuracy() { return answered == 0 ? 0 : (double) answeredRight / answered; }
    }

    public static HandwritingReport of(String name, LoadedModel model, HandwritingTestSet set) {
        Classifier classifier = model.classifier();
        Digits digits = model.metadata().degradation().apply(set.digits());
        Scores scores = classifier.score(digits);
        Map<String, Tally> byKind = new LinkedHashMap<>();
        for (String kind : set.kinds()) byKind.put(kind, new Tally(0, 0, 0, 0));
        Tally all = new Tally(0, 0, 0, 0);
        for (int i = 0; i < digits.size(); i++) {
            Prediction p = classifier.decide(scores.probabilities()[i], scores.energy()[i]);
            boolean right = p.bestGuess() == digits.label(i);
            byKind.merge(set.sources().get(i), new Tally(0, 0, 0, 0), (t, unused) -> t.plus(right, p.answered()));
            all = all.plus(right, p.answered());
        }
        Scores non = classifier.score(model.metadata().degradation().apply(set.nonDigits()));
        int rejected = 0;
        for (int i = 0; i < non.size(); i++) if (!classifier.decide(non.probabilities()[i], non.energy()[i]).answered()) rejected++;
        return new HandwritingReport(name, byKind, all, non.size(), (double) rejected / Math.max(1, non.size()));
    }

    /** A Markdown table: one row per kind of image, one column group per model. */
    public static String table(List<HandwritingReport> reports) {
        StringBuilder s = new StringBuilder("| images | n |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (HandwritingReport r : reports) {
            s.append(" ").append(r.model()).append(": right | answered | right when answered |");
            rule.append("---:|---:|---:|");
        }
        s.append("\n").append(rule).append("\n");
        HandwritingReport first = reports.get(0);
        for (String kind : first.byKind().keySet()) row(s, kind, first.byKind().get(kind).images(), reports.stream().map(r -> r.byKind().get(kind)).toList());
        row(s, "**all**", first.all().images(), reports.stream().map(HandwritingReport::all).toList());
        s.append(String.format(Locale.ROOT, "| non-digits rejected (not sure or not a digit) | %,d |", first.nonDigits()));
        for (HandwritingReport r : reports) s.append(String.format(Locale.ROOT, " %.1f %% | | |", r.nonDigitsRejected() * 100));
        return s.append("\n").toString();
    }

    private static void row(StringBuilder s, String kind, int n, List<Tally> tallies) {
        s.append("| ").append(kind).append(String.format(Locale.ROOT, " | %,d |", n));
        for (Tally t : tallies) {
            s.append(String.format(Locale.ROOT, " %.1f %% | %.1f %% | %.1f %% |", t.accuracy() * 100, t.answeredShare() * 100, t.answeredAccuracy() * 100));
        }
        s.append("\n");
    }
}
