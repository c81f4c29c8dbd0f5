package digitloop.model;

import digitloop.data.Degradation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Child process of {@link ModelSaveKillTest}: saves a model to the same file over and over, each
 * version named "v&lt;n&gt;", and prints "saved n" once a save has returned.
 */
public final class ModelSaveLoop {
    public static void main(String[] args) {
        NativeBackend.configure();
        Path file = Path.of(args[0]);
        // Big enough that a save takes a while, so kills land mid-write too.
        MultiLayerNetwork net = NetworkFactory.build(new MlpSpec(List.of(512, 512), "relu", 0), 28, 1, 1e-3);
        for (int n = 1; ; n++) {
            ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "v" + n, new MlpSpec(List.of(512, 512), "relu", 0),
                    Degradation.NONE, 28, null, List.of(), null, 0, Float.MAX_VALUE, "", Map.of(), "");
            ModelFile.save(file, net, metadata);
            System.out.println("saved " + n);
            System.out.flush();
        }
    }

    private ModelSaveLoop() {
    }

}
