package digitloop.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The most single-precision arithmetic the machine can do, two ways: on paper (logical cores × clock ×
 * FLOP per cycle of the widest vector unit found, assuming two fused multiply-add units per core, as on
 * the server parts these machines run on) and measured (a large matrix product through ND4J, the best
 * this software stack reaches on this machine today, shared or not).
 *
 * @param nominalGflops on paper; 0 when the clock could not be read
 * @param gemmGflops    measured on a 1,024 × 1,024 single-precision matrix product
 */
record MachinePeak(double nominalGflops, double gemmGflops, String basis) {
    static MachinePeak measure(int repeats) {
        String cpuinfo = read(Path.of("/proc/cpuinfo"));
        int cores = Runtime.getRuntime().availableProcessors();
        double ghz = clockGhz(cpuinfo);
        boolean avx512 = cpuinfo.contains(" avx512f");
        boolean fma = cpuinfo.contains(" fma");
        // Per core per cycle: two FMA units × lanes × 2 (multiply and add).
        int lanes = avx512 ? 16 : cpuinfo.contains(" avx2") || cpuinfo.contains(" avx ") ? 8 : 4;
        int perCycle = 2 * lanes * (fma ? 2 : 1);
        double nominal = cores * ghz * perCycle;
        String basis = String.format(Locale.ROOT, "%d logical cores × %.2f GHz × %d FLOP/cycle (%s%s, two units assumed)", cores, ghz,
                perCycle, avx512 ? "AVX-512" : lanes == 8 ? "AVX2" : "SSE", fma ? " FMA" : "");
        return new MachinePeak(ghz > 0 ? nominal : 0, gemm(1024, repeats), basis);
    }

    /** GFLOP/s of {@code n}×{@code n} single-precision products, the best of {@code repeats} after a warm-up. */
    static double gemm(int n, int repeats) {
        INDArray a = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        a.mmuli(b, c);
        double best = 0;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            a.mmuli(b, c);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, 2.0 * n * n * n / seconds / 1e9);
        }
        return best;
    }

    /** The nominal clock from the model name ("@ 2.80GHz"), else the current "cpu MHz" (which may be throttled or boosted). */
    static double clockGhz(String cpuinfo) {
        Matcher named = Pattern.compile("model name\\s*:.*@\\s*([0-9.]+)\\s*GHz").matcher(cpuinfo);
        if (named.find()) return Double.parseDouble(named.group(1));
        Matcher mhz = Pattern.compile("cpu MHz\\s*:\\s*([0-9.]+)").matcher(cpuinfo);
        return mhz.find() ? Double.parseDouble(mhz.group(1)) / 1000 : 0;
    }

    /** A throughput of {@code imagesPerSecond} at {@code flopsPerImage}, in GFLOP/s. */
    static double gflops(double imagesPerSecond, double flopsPerImage) {
        return imagesPerSecond * flopsPerImage / 1e9;
    }

    private static String read(Path p) {
        try {
            return String.join("\n", Files.readAllLines(p));
        } catch (IOException e) {
            return "";
        }
    }

}
