package digitloop.cli;

import digitloop.files.AppHome;
import digitloop.cli.bench.BenchReport;
import digitloop.cli.bench.Micro;
import digitloop.cli.bench.ThreadSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training, evaluation, canvas latency, pool scoring and start-up speed, each beside "
                + "the same quantity under DL4J's defaults (a child JVM), and write docs/benchmarks.md."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Markdown report to write (default: ${DEFAULT-VALUE}).")
    Path out = AppHome.resolve("docs", "benchmarks.md");

    @Option(names = "--quick", description = "Small sizes, for a smoke test (figures are noisier).")
    boolean quick;

    @Option(names = "--skip-reference", description = "Do not run the reference child JVM (no ratios).")
    boolean skipReference;

    @Option(names = "--skip-gui", description = "Do not measure the window's start-up time.")
    boolean skipGui;

    @Option(names = "--jmh", description = "Also run the JMH micro-benchmarks (normaliser, entropy).")
    boolean jmh;

    @Option(names = "--threads", description = "Only compare OpenMP's thread settings (a child JVM each, quiet and beside a busy core) "
            + "and write docs/benchmarks-threads.md.")
    boolean threads;

    @Option(names = "--threads-child", hidden = true, description = "Internal: measure under this JVM's OpenMP settings and write here.")
    Path threadsChild;

    @Option(names = "--memory-child", hidden = true, description = "Internal: run --memory-job and write its resident size here.")
    Path memoryChild;

    @Option(names = "--memory-job", hidden = true, description = "Internal: train or score.")
    String memoryJob;

    @Option(names = "--reference-child", hidden = true, description = "Internal: run the reference measurements and write them here.")
    Path referenceChild;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        if (jmh && !Micro.available()) {
            throw new IllegalArgumentException("--jmh needs JMH, which the app leaves out of its lib/ folder: build it with '"
                    + Micro.BUILD_WITH_JMH + "' in " + AppHome.folder() + ", then run ./digitloop bench --jmh again");
        }
        if (memoryChild != null) {
            BenchReport.measureMemory(memoryJob, data.ready(), quick, memoryChild);
            return 0;
        }
        if (threadsChild != null) {
            ThreadSettings.measure(data.ready(), quick, threadsChild);
            return 0;
        }
        if (threads) {
            Path table = out.resolveSibling("benchmarks-threads.md");
            ThreadSettings.run(quick, table, System.out);
            System.out.println("Wrote " + table);
            return 0;
        }
        BenchReport bench = new BenchReport(data.ready(), quick);
        if (referenceChild != null) {
            bench.writeReferenceMeasurements(referenceChild);
            return 0;
        }
        bench.run(!skipReference, !skipGui, jmh, System.out);
        bench.writeMarkdown(out, String.join(" ", commandLine()));
        System.out.println("Wrote " + out);
        return 0;
    }

    private java.util.List<String> commandLine() {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("./digitloop", "bench"));
        if (quick) args.add("--quick");
        if (skipReference) args.add("--skip-reference");
        if (skipGui) args.add("--skip-gui");
        if (jmh) args.add("--jmh");
        return args;
    }
}
