package digitloop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitloop.data.Degradation;
import digitloop.model.LoadedModel;
import digitloop.model.Json;
import digitloop.model.ModelFile;
import digitloop.model.ModelMetadata;
import digitloop.model.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingPipelineTest {
    @Test
    void aContinuedModelKeepsTheValidationSplitItWasTrainedWith() throws IOException {
        LoadedModel start = ModelFile.load(Path.of("models", "mlp.zip"));
        long firstSeed = start.metadata().training().seed();
        TrainingRequest again = new TrainingRequest("more", start.metadata().architecture(), Degradation.NONE,
                TrainingConfig.DEFAULT.withSeed(firstSeed + 6), 0);
        assertEquals(firstSeed, TrainingPipeline.splitSeed(again, start), "a new split would validate on trained-on images");
        assertEquals(firstSeed + 6, TrainingPipeline.splitSeed(again, null), "a fresh model splits by its own seed");

        // Its child was shuffled with seed + 6 but records the split it kept, so a grandchild keeps it too.
        TrainingSettings child = start.metadata().training().withSplitSeed(firstSeed);
        TrainingSettings shuffledOtherwise = new TrainingSettings(child.epochs(), child.batchSize(), child.learningRate(),
                child.learningRateDecay(), firstSeed + 6, child.validationFraction(), child.augmentation(), child.trainSize(),
                child.validationSize(), child.humanLabels(), child.seconds()).withSplitSeed(firstSeed);
        LoadedModel grandparent = new LoadedModel(start.network(), start.metadata().withTraining(shuffledOtherwise), null);
        assertEquals(firstSeed, TrainingPipeline.splitSeed(again, grandparent));
        ModelMetadata back = Json.mapper().readValue(Json.mapper().writeValueAsString(grandparent.metadata()), ModelMetadata.class);
        assertEquals(firstSeed, back.training().validationSplitSeed(), "the split seed survives the sidecar");
    }
}
