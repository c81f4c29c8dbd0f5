package digitloop.gan;

import digitloop.files.AtomicWrite;
import digitloop.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A generator on disk, as {@code model.ModelFile} keeps a classifier: DL4J's zip with the metadata inside it as
 * {@code digitloop-gan.json} (the copy that counts) and the same JSON beside it ({@code gan.zip} → {@code gan.json}).
 */
public final class GanFile {
    static final String METADATA_ENTRY = "digitloop-gan.json";

    private GanFile() {
    }

    public record Loaded(Generator generator, GanMetadata metadata, Path file) {
    }

    public static Path sidecarOf(Path zip) {
        String name = zip.getFileName().toString();
        return zip.resolveSibling((name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name) + ".json");
    }

    public static void save(Path zip, Generator generator, GanMetadata metadata) {
        try {
            byte[] json = Json.mapper().writeValueAsBytes(metadata);
            AtomicWrite.deleteLeftovers(zip);
            AtomicWrite.writeAt(zip, temp -> {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    ModelSerializer.writeModel(generator.graph(), out, false);
                }
                try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + temp.toUri()), Map.of())) {
                    Files.write(fs.getPath(METADATA_ENTRY), json);
                }
            });
            AtomicWrite.write(sidecarOf(zip), json);
        } catch (IOException e) {
            throw new GanFileException("Could not save the generator to " + zip + ": " + e.getMessage()
                    + ". Check that the folder is writable and the disk has room.", e);
        }
    }

    /** True when {@code zip} is a generator file (cheap: reads the zip's directory only). */
    public static boolean isGenerator(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.getEntry(METADATA_ENTRY) != null;
        } catch (IOException e) {
            return false;
        }
    }

    public static Loaded load(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new GanFileException("Generator file " + zip + " does not exist. Train one with "
                    + "'digitloop train-gan --out " + zip + "' or use models/gan.zip.");
        }
        GanMetadata metadata = readMetadata(zip);
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(zip.toFile(), false);
        } catch (Exception | Error e) {
            throw new GanFileException("Generator file " + zip + " holds no readable DL4J network ("
                    + e.getClass().getSimpleName() + "). Train it again with 'digitloop train-gan'.", e);
        }
        return new Loaded(new Generator(graph, metadata.spec()), metadata, zip);
    }

    public static GanMetadata readMetadata(Path zip) {
        byte[] json;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(METADATA_ENTRY);
            if (entry == null) {
                throw new GanFileException(zip + " is not a DigitLoop generator (it has no " + METADATA_ENTRY
                        + "); a classifier goes to --model of evaluate or predict, a generator comes from 'digitloop train-gan'.");
            }
            try (InputStream in = file.getInputStream(entry)) {
                json = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new GanFileException("Generator file " + zip + " is not a whole zip file (" + e.getMessage()
                    + "); it may be truncated. Train it again or restore models/gan.zip from git.", e);
        }
        GanMetadata metadata;
        try {
            metadata = Json.mapper().readValue(json, GanMetadata.class);
        } catch (IOException e) {
            throw new GanFileException("The metadata of generator " + zip + " is not valid JSON. Train it again.", e);
        }
        if (metadata.formatVersion() > GanMetadata.FORMAT_VERSION) {
            throw new GanFileException("Generator " + zip + " was written by a newer DigitLoop (format " + metadata.formatVersion()
                    + "). Update DigitLoop or train it again.");
        }
        if (metadata.spec() == null) throw new GanFileException("The metadata of generator " + zip + " lacks its shape. Train it again.");
        return metadata;
    }
}
