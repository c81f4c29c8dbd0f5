package digitloop.cli.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH micro-benchmarks in a forked JVM and returns one line per benchmark. */
public final class Micro {
    /** The command that builds an app with JMH in it, for the message when it is missing. */
    public static final String BUILD_WITH_JMH = "mvn -Pjmh -DskipTests clean package";

    private Micro() {
    }

    /** Whether JMH is on the class path: the app's jar leaves it out unless built with {@link #BUILD_WITH_JMH}. */
    public static boolean available() {
        try {
            Class.forName("org.openjdk.jmh.runner.Runner", false, Micro.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static List<String> run(boolean quick) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(NormaliserBenchmark.class.getSimpleName())
                .include(EntropyBenchmark.class.getSimpleName())
                .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
                .timeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
                .forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<String> lines = new ArrayList<>();
        for (RunResult r : results) {
            var s = r.getPrimaryResult();
            lines.add(String.format(Locale.ROOT, "JMH %s: %.1f ± %.1f µs/op", r.getParams().getBenchmark()
                    .replaceFirst(".*\\.", ""), s.getScore(), s.getScoreError()));
        }
        return lines;
    }
}
