package digitloop.train;

import java.util.Locale;

/**
 * What "not sure" did on a labelled set of a person's own images: how many digits the model answered,
 * how often those answers were right, and how many images labelled "not a digit" it turned away.
 * The digit metrics of {@link digitloop.model.EvaluationReport} count the most probable digit of every
 * image, answered or not, as evaluation on MNIST does; this is the part a person sees in the Draw tab.
 */
public record NotSureReport(int digits, int answered, int answeredRight, int nonDigits, int nonDigitsRejected) {

    /** Share of the digit images the model answered. */
    public double answeredShare() { return digits == 0 ? 0 : (double) answered / digits; }

    /** Share right of the digit images it answered. */
    public double accuracyAnswered() { return answered == 0 ? 0 : (double) answeredRight / answered; }

    /** Share of the not-a-digit images it said "not sure" about. */
    public double rejectedShare() { return nonDigits == 0 ? 0 : (double) nonDigitsRejected / nonDigits; }

    public String format() {
        StringBuilder s = new StringBuilder("\"not sure\" (the trusted threshold and the energy bound, as in predict and the Draw tab)\n");
        s.append(String.format(Locale.ROOT, "  digits answered       %6.2f %%  (%d of %d)%n", answeredShare() * 100, answered, digits));
        s.append(answered == 0 ? "  right when answered        —\n"
                : String.format(Locale.ROOT, "  right when answered   %6.2f %%  (%d of %d)%n", accuracyAnswered() * 100, answeredRight, answered));
        s.append(nonDigits == 0 ? "  not-a-digit images    none in this folder\n"
                : String.format(Locale.ROOT, "  not-a-digit rejected  %6.2f %%  (%d of %d)%n", rejectedShare() * 100, nonDigitsRejected, nonDigits));
        return s.toString();
    }
}
