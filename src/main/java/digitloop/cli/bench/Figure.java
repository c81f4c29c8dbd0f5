package digitloop.cli.bench;

import java.util.Locale;

/**
 * One measured figure and, where the benchmark has one, the same quantity under the reference
 * configuration in the same run.
 *
 * @param higherIsBetter throughputs are; latencies and durations are not
 */
public record Figure(String name, double value, String unit, Double reference, boolean higherIsBetter, String target) {
    public static Figure of(String name, double value, String unit, boolean higherIsBetter, String target) {
        return new Figure(name, value, unit, null, higherIsBetter, target);
    }

    /** How many times better than the reference: value/reference for throughput, reference/value for time. */
    public Double ratio() {
        if (reference == null || reference == 0 || value == 0) return null;
        return higherIsBetter ? value / reference : reference / value;
    }

    public Figure withReference(double ref) {
        return new Figure(name, value, unit, ref, higherIsBetter, target);
    }

    String formatValue(double v) {
        if (v >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
