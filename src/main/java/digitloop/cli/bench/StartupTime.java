package digitloop.cli.bench;

import digitloop.files.AppHome;
import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches the desktop app in a child JVM with {@value #PROBE_PROPERTY} set; the app prints when
 * its window became visible and when the engine was ready (milliseconds since its JVM started),
 * idles 20 s, prints its resident size and exits. Run with the launcher's JVM options. Needs a display: under CI that is Xvfb.
 */
final class StartupTime {
    /** The property the desktop app watches; see digitloop.ui.DesktopApp. */
    static final String PROBE_PROPERTY = "digitloop.startupProbe";

    /** Start-up times, and the resident size (MiB) of the app idling with its model after start-up, and its peak. */
    record Result(double windowSeconds, double engineSeconds, long idleMiB, long peakMiB) {
    }

    private StartupTime() {
    }

    static Result measure() throws IOException, InterruptedException {
        if (GraphicsEnvironment.isHeadless()) return null;
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(MemoryUse.LAUNCHER_JVM);
        command.addAll(List.of("-D" + PROBE_PROPERTY + "=true", "-D" + AppHome.PROPERTY + "=" + AppHome.folder(), "-cp",
                System.getProperty("java.class.path"), "digitloop.DigitLoopApp"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double window = -1;
        double engine = -1;
        long idle = -1;
        long peak = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("STARTUP window ")) window = Double.parseDouble(line.substring(15).trim()) / 1000;
                if (line.startsWith("STARTUP engine ")) engine = Double.parseDouble(line.substring(15).trim()) / 1000;
                if (line.startsWith("STARTUP resident ")) {
                    String[] mib = line.substring(17).trim().split(" ");
                    idle = Long.parseLong(mib[0]);
                    peak = Long.parseLong(mib[1]);
                }
            }
        } finally {
            if (!process.waitFor(120, TimeUnit.SECONDS)) process.destroyForcibly();
        }
        return window < 0 || engine < 0 ? null : new Result(window, engine, idle, peak);
    }
}
