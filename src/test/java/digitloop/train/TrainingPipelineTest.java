package digitloop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitloop.data.Degradation;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
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
    }
}
