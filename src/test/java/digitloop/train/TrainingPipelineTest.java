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

    @Test
    void trainingLeavesOutTheImagesMarkedUnclearAndKeepsTheSplitItRecords() {
        digitloop.data.Digits train = digitloop.TestData.train().head(600);
        TrainingRequest request = new TrainingRequest("fixes", new digitloop.model.MlpSpec(java.util.List.of(32), "relu", 0.0),
                Degradation.NONE, new TrainingConfig(1, 64, 1e-3, 1, 1, 0.1, 0, digitloop.data.Augmentation.NONE), 0);
        java.util.Set<Integer> unclear = java.util.Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        digitloop.data.LabelFixes fixes = new digitloop.data.LabelFixes(java.util.Map.of(20, 3), unclear);
        TrainingPipeline.Outcome plain = TrainingPipeline.run(request, null, train, digitloop.TestData.test().head(200),
                digitloop.data.LabelFixes.NONE, new TrainingListener() { }, digitloop.task.CancellationToken.none());
        TrainingPipeline.Outcome fixed = TrainingPipeline.run(request, null, train, digitloop.TestData.test().head(200), fixes,
                new TrainingListener() { }, digitloop.task.CancellationToken.none());
        TrainingSettings a = plain.model().metadata().training();
        TrainingSettings b = fixed.model().metadata().training();
        assertEquals(600, a.trainSize() + a.validationSize());
        assertEquals(600 - unclear.size(), b.trainSize() + b.validationSize(), "the twelve unclear images are neither trained nor validated on");
        assertEquals(plain.model().metadata().trainedOn(), fixed.model().metadata().trainedOn(),
                "the recorded split is the same, so the review pool does not change");
    }
}
