package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.model.MlpSpec;
import digitloop.model.ModelFile;
import digitloop.model.ModelMetadata;
import digitloop.model.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --config} on real MNIST, small (an MLP of 32 units, 1 epoch on 2,000 images): the sidecar
 * records every resolved setting and where it came from, and training again from those recorded values
 * repeats the run. (The suite's user file does not exist, see pom.xml.)
 */
class TrainWithConfigTest {
    @Test
    void theSidecarRecordsTheResolvedSettingsAndTrainingFromThemRepeatsTheRun(@TempDir Path dir) throws Exception {
        Path recipe = Files.write(dir.resolve("tiny-mlp.properties"), List.of(
                "# a tiny recipe", "train.model=mlp", "train.layers=32", "train.epochs=1", "train.limit=2000",
                "train.batch=32", "train.lr=0.002"));
        Path first = dir.resolve("first.zip");

        CliErrorsTest.Run run = CliErrorsTest.run("train", "--config", recipe.toString(), "--seed", "3", "--out", first.toString());

        assertEquals(0, run.code(), run.err());
        ModelMetadata m = ModelFile.readMetadata(first);
        RunSettings s = m.settings();
        assertEquals("mlp", s.values().get("train.model"));
        assertEquals("32", s.values().get("train.layers"));
        assertEquals("1", s.values().get("train.epochs"));
        assertEquals("2000", s.values().get("train.limit"));
        assertEquals("3", s.values().get("train.seed"));
        assertEquals("0.8", s.values().get("train.lr-decay"), "a default is recorded too");
        assertEquals("--config " + recipe.toAbsolutePath(), s.sources().get("train.epochs"));
        assertEquals("command line", s.sources().get("train.seed"));
        assertEquals("built-in default", s.sources().get("train.lr-decay"));
        assertTrue(!s.values().containsKey("log-level"), "logging does not make the model");
        // The recorded settings agree with what the trainer recorded on its own.
        assertEquals(new MlpSpec(List.of(32), "relu", MlpSpec.DEFAULT.dropout()), m.architecture());
        assertEquals(1, m.training().epochs());
        assertEquals(32, m.training().batchSize());
        assertEquals(0.002, m.training().learningRate(), 1e-12);
        assertEquals(3, m.training().seed());

        // The recorded values as a configuration file (what docs/configuration.md shows with jq) train the same model.
        Path replay = dir.resolve("replay.properties");
        Path second = dir.resolve("second.zip");
        Map<String, String> values = new TreeMap<>(s.values());
        values.put("train.out", second.toString());
        Files.write(replay, values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        CliErrorsTest.Run again = CliErrorsTest.run("train", "--config", replay.toString());

        assertEquals(0, again.code(), again.err());
        ModelMetadata n = ModelFile.readMetadata(second);
        Map<String, String> firstValues = new TreeMap<>(s.values());
        Map<String, String> secondValues = new TreeMap<>(n.settings().values());
        firstValues.remove("train.out");
        secondValues.remove("train.out");
        assertEquals(firstValues, secondValues);
        assertEquals(m.training().trainSize(), n.training().trainSize());
        assertEquals(m.history().get(0).validationAccuracy(), n.history().get(0).validationAccuracy(), 1e-9,
                "same settings, same seed: the same validation accuracy after the epoch");
        assertEquals(m.test().accuracy(), n.test().accuracy(), 1e-9);
        // Chance is 0.1; one epoch of batch 100 gave 0.66 in a first run, batch 32 does more updates.
        assertTrue(m.test().accuracy() > 0.5, "a model that learned, if tiny: " + m.test().accuracy());
        assertTrue(n.settings().sources().values().stream().allMatch(v -> v.equals("--config " + replay.toAbsolutePath())
                || v.equals("built-in default")), n.settings().sources().toString());
    }
}
