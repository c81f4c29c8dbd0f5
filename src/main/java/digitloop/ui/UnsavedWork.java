package digitloop.ui;

import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.awt.Component;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JOptionPane;

/** What exists only in memory when the person quits, and how to keep it: models go to the models folder under free names. */
final class UnsavedWork {
    /** One thing that would be lost, and the save that keeps it (run on a worker). */
    record Item(String description, Runnable save) {
    }

    enum Choice { SAVE, DISCARD, CANCEL }

    private UnsavedWork() {
    }

    static List<Item> of(Workbench bench, TrainPanel train, ReviewPanel review) {
        List<Item> items = new ArrayList<>();
        if (bench == null) return items;
        Path models = bench.workspace().models();
        if (review != null && review.retrainPanel().hasPendingCandidate()) {
            LoadedModel candidate = review.retrainPanel().pending().model();
            items.add(new Item("the retrained model " + candidate.metadata().name() + ", waiting for your decision in the Review tab",
                    () -> save(candidate, models)));
        }
        LoadedModel current = bench.model();
        if (current != null && current.file() == null) {
            items.add(new Item("the current model " + current.metadata().name() + " (not saved)", () -> save(current, models)));
        }
        if (train != null) {
            for (TrainingRun run : train.unsavedRuns()) {
                LoadedModel m = run.outcome.model();
                if (current != null && m.network() == current.network()) continue;
                items.add(new Item("the model of training run " + run.name, () -> run.savedTo = save(m, models)));
            }
        }
        return items;
    }

    private static Path save(LoadedModel model, Path models) {
        Path file = RetrainPanel.freeName(models, model.metadata().name());
        try {
            java.nio.file.Files.createDirectories(models);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("could not create " + models, e);
        }
        ModelFile.save(file, model.network(), model.metadata());
        return file;
    }

    static Choice ask(Component parent, List<Item> items) {
        StringBuilder list = new StringBuilder();
        for (Item i : items) list.append("<li>").append(Dialogs.escape(i.description())).append("</li>");
        Object[] options = {"Save and quit", "Quit without saving", "Cancel"};
        int answer = JOptionPane.showOptionDialog(parent, "<html><body style='width: 420px'><b>Not saved yet:</b><ul>" + list
                        + "</ul>Save puts each model in the models folder under its own name.</body></html>", "Quit DigitLoop",
                JOptionPane.YES_NO_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE, null, options, options[0]);
        return switch (answer) {
            case 0 -> Choice.SAVE;
            case 1 -> Choice.DISCARD;
            default -> Choice.CANCEL;
        };
    }
}
