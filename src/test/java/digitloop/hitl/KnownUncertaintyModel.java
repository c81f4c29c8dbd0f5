package digitloop.hitl;

import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.model.Classifier;
import digitloop.model.MlpSpec;
import digitloop.model.ModelMetadata;
import digitloop.model.NetworkFactory;
import digitloop.model.TrainingSettings;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network whose uncertainty about an image is known in advance, for tests whose right answer
 * must not come from the code under test. One hidden unit reads the mean pixel h; the logits are
 * [50 h, 10, 0, ..., 0]. So a blank image (h = 0) is surely a 1; a BORDERLINE image (every pixel
 * 0.2, 50 h = 10) is a coin toss between 0 and 1, the most uncertain input there is for entropy,
 * margin and least confidence; a BOLD image (every pixel 1) is surely a 0. Under MC dropout (p =
 * 0.5 on h) a blank image never changes its answer, while borderline and bold ones flip between 0
 * and 1, so BALD and variation ratios rank every inked image above every blank one.
 */
final class KnownUncertaintyModel {
    static final float BORDERLINE = 0.2f;
    static final float BOLD = 1f;

    private KnownUncertaintyModel() {
    }

    static Classifier classifier() {
        MlpSpec spec = new MlpSpec(List.of(1), "identity", 0.5);
        MultiLayerNetwork network = NetworkFactory.build(spec, 28, 1, 1e-3);
        network.getLayer(0).setParam("W", Nd4j.valueArrayOf(new long[] {784, 1}, 1f / 784));
        network.getLayer(0).setParam("b", Nd4j.zeros(1, 1));
        float[] w = new float[10];
        w[0] = 50;
        float[] b = new float[10];
        b[1] = 10;
        network.getLayer(1).setParam("W", Nd4j.create(w, new long[] {1, 10}, 'c'));
        network.getLayer(1).setParam("b", Nd4j.create(b, new long[] {1, 10}, 'c'));
        TrainingSettings settings = new TrainingSettings(0, 1, 1e-3, 1, 1, 0, "none", 0, 0, 0, 0);
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "known", spec, Degradation.NONE, 28, settings,
                List.of(), null, 0, Float.MAX_VALUE, "", Map.of(), "");
        return new Classifier(network, metadata);
    }

    /** Images of constant value {@code values[i]}, with ids {@code 7 * i + 60_001}: ids unlike indices, so a mix-up shows. */
    static Pool pool(float[] values) {
        float[] pixels = new float[values.length * 784];
        int[] labels = new int[values.length];
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            java.util.Arrays.fill(pixels, i * 784, (i + 1) * 784, values[i]);
            ids[i] = 7 * i + 60_001;
        }
        return new Pool(Digits.of(pixels, 28, labels, ids));
    }
}
