package digitloop.cli.bench;

import digitloop.data.Digits;
import digitloop.model.InferenceNetwork;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The default model's forward pass three ways in the same run, taking turns so that load on the machine
 * falls on all three: as trained, with its batch-norms folded, and folded in NHWC (what scoring runs).
 */
final class InferenceLayouts {
    private InferenceLayouts() {
    }

    static String measure(MultiLayerNetwork trained, Digits test, int rounds) {
        int batch = 250;
        float[] pixels = new float[batch * test.pixelsPerImage()];
        for (int k = 0; k < batch; k++) test.copyImage(k, pixels, k * test.pixelsPerImage());
        INDArray flat = Nd4j.create(pixels, new long[] {batch, test.pixelsPerImage()}, 'c');
        MultiLayerNetwork folded = InferenceNetwork.foldNorms(trained);
        InferenceNetwork.Folded nhwc = InferenceNetwork.fold(trained);
        INDArray channelsLast = nhwc.input(pixels, batch);
        for (int i = 0; i < 3; i++) {
            trained.output(flat, false);
            folded.output(flat, false);
            nhwc.network().output(channelsLast, false);
        }
        double[] seconds = new double[3];
        for (int r = 0; r < rounds; r++) {
            seconds[0] += time(() -> trained.output(flat, false));
            seconds[1] += time(() -> folded.output(flat, false));
            seconds[2] += time(() -> nhwc.network().output(channelsLast, false));
        }
        double images = (double) rounds * batch;
        return String.format(Locale.ROOT, "Default model's forward pass, batches of %d taking turns (%d each): as trained %.0f img/s, "
                        + "batch-norm and LeakyReLU folded into the convolutions %.0f img/s (%.2f×), folded and in NHWC %.0f img/s (%.2f×, what "
                        + "scoring runs).", batch, rounds, images / seconds[0], images / seconds[1], seconds[0] / seconds[1], images / seconds[2],
                seconds[0] / seconds[2]);
    }

    private static double time(Runnable forward) {
        long start = System.nanoTime();
        forward.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
