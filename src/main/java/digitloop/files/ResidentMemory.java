package digitloop.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident size as Linux counts it ({@code /proc/self/status}): the Java heap, ND4J's
 * off-heap arrays and the native libraries together, which is what a laptop has to hold. Where there is
 * no such file both read -1.
 */
public record ResidentMemory(long currentMiB, long peakMiB) {
    public static ResidentMemory now() {
        try {
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) rss = kib(line) / 1024;
                if (line.startsWith("VmHWM:")) hwm = kib(line) / 1024;
            }
            return new ResidentMemory(rss, hwm);
        } catch (IOException | RuntimeException e) {
            return new ResidentMemory(-1, -1);
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
