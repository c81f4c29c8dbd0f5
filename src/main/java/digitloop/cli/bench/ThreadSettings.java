package digitloop.cli.bench;

import digitloop.data.DatasetStore;
import digitloop.files.AtomicWrite;
import digitloop.model.CnnSpec;
import digitloop.model.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default CNN's training and evaluation speed under each OpenMP setting, on the quiet machine and
 * beside one process that keeps a core busy (as a browser, an IDE or a second training run does). Each
 * setting runs in its own child JVM: OpenMP reads its environment once, when the native library loads.
 */
public final class ThreadSettings {
    static final String TRAIN = "train";
    static final String EVALUATE = "evaluate";

    /** One way to run OpenMP's two worker threads; a null value leaves the variable unset. */
    record Setting(String name, Map<String, String> env) {
        static Setting of(String name, String waitPolicy, String bind, String threads) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("OMP_WAIT_POLICY", waitPolicy);
            env.put("OMP_PROC_BIND", bind);
            env.put("OMP_NUM_THREADS", threads);
            return new Setting(name, env);
        }

        String describe() {
            StringBuilder s = new StringBuilder();
            env.forEach((k, v) -> { if (v != null) s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v); });
            return s.length() == 0 ? "(none set)" : s.toString();
        }
    }

    static final List<Setting> SETTINGS = List.of(
            Setting.of("OpenMP's defaults: threads spin while they wait", null, null, null),
            Setting.of("spinning, pinned to cores (the launcher before 1 Dec 2026)", null, "true", null),
            Setting.of("sleeping while they wait (the launcher's choice)", "passive", null, null),
            Setting.of("sleeping, pinned", "passive", "true", null),
            Setting.of("one thread", null, null, "1"));

    private ThreadSettings() {
    }

    /** The child's side: one measurement of each kind under whatever OpenMP this JVM got. */
    public static void measure(DatasetStore store, boolean quick, Path out) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(TRAIN, Throughput.training(CnnSpec.DEFAULT, store.train().head(2000), 64, 10, quick ? 10 : 40));
        values.put(EVALUATE, Throughput.evaluation(CnnSpec.DEFAULT, store.test().head(quick ? 500 : 2500), 2));
        AtomicWrite.write(out, Json.mapper().writeValueAsBytes(values));
    }

    /** Every setting, quiet and beside a busy process; writes the table to {@code markdown}. */
    public static void run(boolean quick, Path markdown, PrintStream log) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Map<Setting, Map<String, Double>> quiet = new LinkedHashMap<>();
        Map<Setting, Map<String, Double>> busy = new LinkedHashMap<>();
        for (Setting s : SETTINGS) {
            quiet.put(s, child(s, quick));
            log.printf(Locale.ROOT, "quiet, %s: %s%n", s.describe(), quiet.get(s));
        }
        // A shell loop: one core kept busy by something that is not Java and not OpenMP.
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            for (Setting s : SETTINGS) {
                busy.put(s, child(s, quick));
                log.printf(Locale.ROOT, "one core busy, %s: %s%n", s.describe(), busy.get(s));
            }
        } finally {
            spinner.destroyForcibly();
        }
        AtomicWrite.write(markdown, table(quiet, busy, (System.nanoTime() - started) / 1e9, quick).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Double> child(Setting s, boolean quick) throws IOException, InterruptedException {
        return ChildJvm.run(List.of("-Xmx3g"), "--threads-child", quick ? List.of("--quick") : List.of(), s.env(), "bench-threads.log");
    }

    private static String table(Map<Setting, Map<String, Double>> quiet, Map<Setting, Map<String, Double>> busy, double seconds, boolean quick) {
        Setting launcher = SETTINGS.get(2);
        StringBuilder md = new StringBuilder("# OpenMP thread settings\n\n");
        md.append("Measured by `./digitloop bench --threads").append(quick ? " --quick" : "").append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(String.format(Locale.ROOT, " (%.0f s in all), %s. ", seconds, MachineInfo.describe().get("CPU") + ", " + Runtime.getRuntime().availableProcessors()
                        + " cores, native build " + digitloop.model.NativeBackend.configure()))
                .append("The default CNN (a fresh network, batch 64) in images per second, each setting in its own JVM, first with nothing "
                        + "else running and then beside a shell loop that keeps one core busy. The ratio column compares each setting "
                        + "with the launcher's in the same condition (higher is faster).\n\n");
        md.append("| setting | environment | training, quiet | training, one core busy | evaluation, quiet | evaluation, one core busy |\n");
        md.append("|---|---|---:|---:|---:|---:|\n");
        for (Setting s : SETTINGS) {
            md.append("| ").append(s.name()).append(" | `").append(s.describe()).append("` | ")
                    .append(cell(quiet, s, launcher, TRAIN)).append(" | ").append(cell(busy, s, launcher, TRAIN)).append(" | ")
                    .append(cell(quiet, s, launcher, EVALUATE)).append(" | ").append(cell(busy, s, launcher, EVALUATE)).append(" |\n");
        }
        return md.toString();
    }

    private static String cell(Map<Setting, Map<String, Double>> runs, Setting s, Setting launcher, String what) {
        double v = runs.get(s).get(what);
        double ratio = v / runs.get(launcher).get(what);
        return String.format(Locale.ROOT, "%,.0f (%.2f×)", v, ratio);
    }

}
