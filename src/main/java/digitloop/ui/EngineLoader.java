package digitloop.ui;

import digitloop.gan.GanFile;

import digitloop.task.TaskContext;
import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import digitloop.hitl.LabelJournal;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the engine ready on a worker: the data (already complete: fetching is the first-start
 * dialog's job), the label journal and a model. The model is the one used last, else the default,
 * else any in the models folder; a model that cannot be opened is skipped, and with none the app
 * still opens (the Train tab can make one).
 */
final class EngineLoader {
    private static final Logger log = LoggerFactory.getLogger(EngineLoader.class);

    /** The loaded engine, and why the wanted model could not be opened (null when it could). */
    record Loaded(Workbench workbench, Exception modelProblem) {
    }

    private EngineLoader() {
    }

    static Loaded load(TaskContext ctx, Workspace workspace, Path preferredModel) throws IOException {
        DatasetStore store = workspace.store();
        ctx.progress(-1, "Getting the tabs ready…");
        WarmUp.run();
        ctx.progress(-1, "Reading MNIST from " + workspace.data() + "…");
        Digits train = store.train();
        Digits test = store.test();
        ctx.progress(-1, "Opening the label journal…");
        LabelJournal journal = LabelJournal.open(workspace.journal(), store.fingerprint());
        Exception problem = null;
        LoadedModel model = null;
        for (Path candidate : candidates(workspace, preferredModel)) {
            ctx.progress(-1, "Loading " + candidate + "…");
            try {
                model = ModelFile.load(candidate);
                break;
            } catch (RuntimeException e) {
                log.warn("Could not open model {}", candidate, e);
                if (problem == null) problem = e;
            }
        }
        return new Loaded(new Workbench(workspace, store, train, test, journal, model), problem);
    }

    /** Model files worth trying, best first. */
    static List<Path> candidates(Workspace workspace, Path preferred) {
        Set<Path> order = new LinkedHashSet<>();
        if (preferred != null && Files.isRegularFile(preferred)) order.add(preferred.normalize());
        order.add(workspace.defaultModel().normalize());
        order.add(workspace.models().resolve("mlp.zip").normalize());
        order.addAll(modelFiles(workspace.models()));
        List<Path> existing = new ArrayList<>();
        for (Path p : order) if (Files.isRegularFile(p)) existing.add(p);
        return existing;
    }

    /** The classifier *.zip files in {@code folder} (not the GAN's generators), sorted; empty when it does not exist. */
    static List<Path> modelFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip") && !GanFile.isGenerator(p)).map(Path::normalize).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
