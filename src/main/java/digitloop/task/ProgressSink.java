package digitloop.task;

/**
 * Where long work reports how far it is: a fraction in [0, 1] (negative when it cannot tell) and a
 * short line for a person. Called on the working thread; a Swing sink hands the values to the EDT itself.
 */
@FunctionalInterface
public interface ProgressSink {
    /** Ignores every report. */
    ProgressSink NONE = (fraction, message) -> { };

    void progress(double fraction, String message);

    /** A sink for one step of a larger job: its 0-1 maps onto {@code from}-{@code to} of this sink. */
    default ProgressSink part(double from, double to) {
        return (fraction, message) -> progress(fraction < 0 ? -1 : from + (to - from) * Math.min(1, fraction), message);
    }
}
