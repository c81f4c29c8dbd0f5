package digitloop.model;

import digitloop.files.AtomicWrite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trained model on disk: DL4J's zip with our metadata inside it as {@code digitloop.json}, and
 * the same JSON beside it as a sidecar ({@code cnn.zip} → {@code cnn.json}) for people and tools.
 * The copy inside the zip is the one that counts, so zip and metadata can never disagree; both
 * files are written to a temporary file and renamed into place.
 */
public final class ModelFile {
    static final String METADATA_ENTRY = "digitloop.json";

    private ModelFile() {
    }

    /** The sidecar path of a model zip. */
    public static Path sidecarOf(Path zip) {
        String name = zip.getFileName().toString();
        String base = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return zip.resolveSibling(base + ".json");
    }

    public static void save(Path zip, MultiLayerNetwork network, ModelMetadata metadata) {
        try {
            byte[] json = Json.mapper().writeValueAsBytes(metadata);
            AtomicWrite.deleteLeftovers(zip);
            AtomicWrite.writeAt(zip, temp -> {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    ModelSerializer.writeModel(network, out, false);
                }
                try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + temp.toUri()), Map.of())) {
                    Files.write(fs.getPath(METADATA_ENTRY), json);
                }
            });
            AtomicWrite.write(sidecarOf(zip), json);
        } catch (IOException e) {
            throw new ModelFileException("Could not save the model to " + zip + ": " + e.getMessage()
                    + ". Check that the folder is writable and the disk has room.", e);
        }
    }

    /** Loads network and metadata; every failure is a {@link ModelFileException} saying what to do. */
    public static LoadedModel load(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new ModelFileException("Model file " + zip + " does not exist. Train one with "
                    + "'digitloop train --out " + zip + "' or pick a file in models/.");
        }
        ModelMetadata metadata = readMetadata(zip);
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        } catch (Exception | Error e) {
            throw new ModelFileException("Model file " + zip + " holds no readable DL4J network ("
                    + e.getClass().getSimpleName() + "). Retrain it or restore it from models/.", e);
        }
        return new LoadedModel(network, metadata, zip);
    }

    /** Only the metadata, without building the network: cheap, for lists and menus. */
    public static ModelMetadata readMetadata(Path zip) {
        byte[] json;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(METADATA_ENTRY);
            if (entry == null) {
                json = readSidecar(zip);
            } else {
                try (InputStream in = file.getInputStream(entry)) {
                    json = in.readAllBytes();
                }
            }
        } catch (NoSuchFileException e) {
            throw new ModelFileException("Model file " + zip + " does not exist.", e);
        } catch (IOException e) {
            throw new ModelFileException("Model file " + zip + " is not a whole zip file (" + e.getMessage()
                    + "); it may be truncated. Retrain it or restore it from models/.", e);
        }
        return parse(zip, json);
    }

    private static byte[] readSidecar(Path zip) throws IOException {
        Path sidecar = sidecarOf(zip);
        if (!Files.isRegularFile(sidecar)) {
            throw new ModelFileException("Model file " + zip + " carries no DigitLoop metadata and its sidecar "
                    + sidecar.getFileName() + " is missing; it was not written by DigitLoop. Retrain it with 'digitloop train'.");
        }
        return Files.readAllBytes(sidecar);
    }

    private static ModelMetadata parse(Path zip, byte[] json) {
        ModelMetadata metadata;
        try {
            metadata = Json.mapper().readValue(json, ModelMetadata.class);
        } catch (IOException e) {
            throw new ModelFileException("The metadata of model " + zip + " is not valid JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + "). Retrain the model.", e);
        }
        if (metadata.formatVersion() > ModelMetadata.FORMAT_VERSION) {
            throw new ModelFileException("Model " + zip + " was written by a newer DigitLoop (format "
                    + metadata.formatVersion() + ", this one reads up to " + ModelMetadata.FORMAT_VERSION
                    + "). Update DigitLoop or retrain the model.");
        }
        if (metadata.architecture() == null || metadata.degradation() == null) {
            throw new ModelFileException("The metadata of model " + zip + " lacks its architecture or degradation. Retrain the model.");
        }
        return metadata;
    }
}
