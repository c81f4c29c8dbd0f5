package digitloop.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import digitloop.data.Degradation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults that really happen to model files: a killed save, a full disk, the wrong input size. */
class ModelFileFaultsTest {

    @Test
    void aSaveKilledMidWriteLeavesTheFileAtItsPreviousOrNextWholeVersion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.zip");
        Random random = new Random(7);
        int lastAcknowledged = 0;
        for (int kill = 0; kill < 5; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ModelSaveLoop.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int saves = 1 + random.nextInt(3);
            String line = null;
            for (int i = 0; i < saves; i++) line = out.readLine();
            assertTrue(line != null && line.startsWith("saved "), "child did not save: " + line);
            lastAcknowledged = Integer.parseInt(line.substring(6));
            Thread.sleep(random.nextInt(150));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));

            ModelMetadata found = ModelFile.load(file).metadata();
            int version = Integer.parseInt(found.name().substring(1));
            assertTrue(version >= lastAcknowledged, "lost acknowledged save v" + lastAcknowledged + ", found v" + version);
        }
    }

    @Test
    void aFullDiskGivesAClearErrorAndKeepsTheOldFile(@TempDir Path dir) throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mounting.waitFor() == 0, "needs root to mount a small tmpfs");
        try {
            Path file = mount.resolve("model.zip");
            MultiLayerNetwork small = NetworkFactory.build(new MlpSpec(List.of(16), "relu", 0), 28, 1, 1e-3);
            ModelFile.save(file, small, metadata("old", new MlpSpec(List.of(16), "relu", 0)));
            byte[] before = Files.readAllBytes(file);
            MultiLayerNetwork big = NetworkFactory.build(new MlpSpec(List.of(512), "relu", 0), 28, 1, 1e-3);

            ModelFileException e = assertThrows(ModelFileException.class,
                    () -> ModelFile.save(file, big, metadata("new", new MlpSpec(List.of(512), "relu", 0))));

            assertTrue(e.getMessage().contains("disk has room"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file), "old model untouched");
            assertEquals("old", ModelFile.load(file).metadata().name());
            try (var files = Files.list(mount)) {
                assertEquals(List.of("model.json", "model.zip"), files.map(p -> p.getFileName().toString()).sorted().toList());
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    @Test
    void aDownsampledModelGivenFullSizeDigitsAppliesItsDegradationOrRefuses() {
        MlpSpec spec = new MlpSpec(List.of(16), "relu", 0);
        MultiLayerNetwork net = NetworkFactory.build(spec, 14, 1, 1e-3);
        ModelMetadata m = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "m14", spec, Degradation.downsampled(), 14, null,
                List.of(), null, 0, Float.MAX_VALUE, "", Map.of(), "");
        Classifier classifier = new Classifier(net, m);

        // A single 28x28 image (canvas, predict) is degraded to 14x14 by the classifier itself.
        Prediction p = classifier.predict(new float[784]);
        assertEquals(10, p.probabilities().length);

        // A batch of 28x28 digits is refused with a message instead of being misread.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> classifier.score(digitloop.data.Digits.of(new float[784], 28, new int[] {0}, new int[] {0})));
        assertTrue(e.getMessage().contains("14x14"), e.getMessage());
    }

    @Test
    void aZipThatIsNotADl4jModelSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("not written by DigitLoop"), e.getMessage());
    }

    @Test
    void aMissingSidecarIsFineBecauseTheZipCarriesItsMetadata(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.zip");
        MlpSpec spec = new MlpSpec(List.of(16), "relu", 0);
        ModelFile.save(file, NetworkFactory.build(spec, 28, 1, 1e-3), metadata("m", spec));
        Files.delete(ModelFile.sidecarOf(file));

        assertEquals("m", ModelFile.load(file).metadata().name());
    }

    private static ModelMetadata metadata(String name, ArchitectureSpec spec) {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, name, spec, Degradation.NONE, 28, null, List.of(), null,
                0, Float.MAX_VALUE, "", Map.of(), "");
    }
}
