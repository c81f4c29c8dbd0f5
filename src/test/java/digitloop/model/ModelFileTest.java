package digitloop.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.task.CancellationToken;
import digitloop.train.Trainer;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static LoadedModel model;
    private static Digits sample;

    @BeforeAll
    static void trainTinyModel() {
        Digits train = TestData.train().head(600);
        sample = TestData.test().head(50);
        TrainingResult result = new Trainer(TrainingConfig.DEFAULT.withEpochs(1)).named("tiny")
                .train(new MlpSpec(List.of(32), "relu", 0.2), Degradation.NONE, train.head(500), train.subset(range(500, 600)),
                        TrainingListener.NONE, CancellationToken.none());
        model = result.model();
    }

    @Test
    void saveThenLoadGivesIdenticalProbabilities(@TempDir Path dir) {
        Path file = dir.resolve("tiny.zip");
        ModelFile.save(file, model.network(), model.metadata());

        LoadedModel loaded = ModelFile.load(file);

        Scores before = model.classifier().score(sample);
        Scores after = loaded.classifier().score(sample);
        for (int i = 0; i < sample.size(); i++) {
            assertArrayEquals(before.probabilities()[i], after.probabilities()[i], 0f);
        }
        assertEquals(model.metadata(), loaded.metadata().withName(model.metadata().name()));
    }

    @Test
    void sidecarHoldsProvenanceAsJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.zip");
        ModelFile.save(file, model.network(), model.metadata());

        String json = Files.readString(ModelFile.sidecarOf(file));

        assertTrue(json.contains("\"type\" : \"mlp\""), json);
        assertTrue(json.contains("\"trainingDataMd5\""), json);
        assertTrue(json.contains("\"deeplearning4j\""), json);
        assertTrue(json.contains("\"trustedThreshold\""), json);
        assertEquals(1, model.metadata().history().size());
    }

    @Test
    void savingLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        ModelFile.save(dir.resolve("a.zip"), model.network(), model.metadata());
        ModelFile.save(dir.resolve("a.zip"), model.network(), model.metadata());

        try (var files = Files.list(dir)) {
            assertEquals(List.of("a.json", "a.zip"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void missingFileSaysHowToGetOne(@TempDir Path dir) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(dir.resolve("none.zip")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("digitloop train"), e.getMessage());
    }

    @Test
    void truncatedZipIsReportedAsTruncated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cut.zip");
        ModelFile.save(file, model.network(), model.metadata());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("cut.zip"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void newerFormatIsRefusedWithAnUpgradeHint(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("future.zip");
        ModelMetadata m = model.metadata();
        ModelMetadata future = new ModelMetadata(ModelMetadata.FORMAT_VERSION + 1, m.name(), m.architecture(), m.degradation(),
                m.inputSide(), m.training(), m.history(), m.test(), m.trustedThreshold(), m.energyThreshold(),
                m.trainingDataMd5(), m.versions(), m.createdAt());
        ModelFile.save(file, model.network(), future);

        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("newer DigitLoop"), e.getMessage());
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }
}
