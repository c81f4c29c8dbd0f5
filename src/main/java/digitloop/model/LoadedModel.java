package digitloop.model;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A network with its metadata, and the file it came from (null when never saved). */
public record LoadedModel(MultiLayerNetwork network, ModelMetadata metadata, Path file) {
    public Classifier classifier() {
        return new Classifier(network, metadata);
    }
}
