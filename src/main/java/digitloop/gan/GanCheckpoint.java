package digitloop.gan;

import digitloop.files.AtomicWrite;
import digitloop.model.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The last finished epoch of a run, in a folder: both networks with Adam's state, and {@code state.json}
 * naming them. The networks are written under names of their epoch first and the state last, each file
 * atomically, so a run stopped at any moment leaves the previous epoch's checkpoint whole.
 */
public final class GanCheckpoint {
    static final String STATE = "state.json";
    private final Path folder;

    public GanCheckpoint(Path folder) {
        this.folder = folder;
    }

    /** The checkpoint folder of a generator file: {@code models/gan.zip} → {@code models/gan.checkpoint/}. */
    public static GanCheckpoint besides(Path generatorFile) {
        String name = generatorFile.getFileName().toString().replaceFirst("\\.zip$", "");
        return new GanCheckpoint(generatorFile.resolveSibling(name + ".checkpoint"));
    }

    public Path folder() { return folder; }

    public boolean exists() {
        return Files.isRegularFile(folder.resolve(STATE));
    }

    public void save(GanState state, ComputationGraph generator, MultiLayerNetwork discriminator) throws IOException {
        Files.createDirectories(folder);
        AtomicWrite.write(folder.resolve(state.generatorFile()), out -> ModelSerializer.writeModel(generator, out, true));
        AtomicWrite.write(folder.resolve(state.discriminatorFile()), out -> ModelSerializer.writeModel(discriminator, out, true));
        AtomicWrite.write(folder.resolve(STATE), Json.mapper().writeValueAsBytes(state));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*-e*.zip")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.equals(state.generatorFile()) && !name.equals(state.discriminatorFile())) Files.deleteIfExists(file);
            }
        }
    }

    /** The checkpoint's state, or empty when there is none. */
    public Optional<GanState> state() {
        if (!exists()) return Optional.empty();
        try {
            return Optional.of(Json.mapper().readValue(folder.resolve(STATE).toFile(), GanState.class));
        } catch (IOException e) {
            throw new GanFileException("The checkpoint " + folder.resolve(STATE) + " is not readable (" + e.getMessage()
                    + "). Delete the folder " + folder + " and train anew.", e);
        }
    }

    /** The networks of {@code state}, ready to continue training. */
    public Networks load(GanState state) {
        try {
            ComputationGraph g = ModelSerializer.restoreComputationGraph(folder.resolve(state.generatorFile()).toFile(), true);
            MultiLayerNetwork d = ModelSerializer.restoreMultiLayerNetwork(folder.resolve(state.discriminatorFile()).toFile(), true);
            return new Networks(g, d);
        } catch (IOException e) {
            throw new GanFileException("The checkpoint in " + folder + " lacks a readable network (" + e.getMessage()
                    + "). Delete the folder and train anew.", e);
        }
    }

    public record Networks(ComputationGraph generator, MultiLayerNetwork discriminator) {
    }

    static String generatorName(int epoch) { return "generator-e" + epoch + ".zip"; }

    static String discriminatorName(int epoch) { return "discriminator-e" + epoch + ".zip"; }

}
