package digitloop.cli;

import digitloop.files.AtomicWrite;
import digitloop.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** training_progress/summary.md, rebuilt from every finished setting's JSON. */
final class ExperimentSeed000Summary {
    private ExperimentSeed000Summary() {
    }

    static void write(Path out, List<String> names, boolean quick) throws IOException {
        List<ExperimentSeed000Command.SettingResult> results = new ArrayList<>();
        for (String name : names) {
            Path json = out.resolve(name + ".json");
            if (Files.isRegularFile(json)) results.add(Json.mapper().readValue(json.toFile(), ExperimentSeed000Command.SettingResult.class));
        }
        StringBuilder md = new StringBuilder("# seed000: the original project's six settings with a human in the loop\n\n");
        md.append("Regenerate with `./digitloop experiment seed000").append(quick ? " --quick" : "").append("` (settings already in "
                + "this folder are skipped; delete a setting's .json to redo it). Each setting: a model trained on the labelled "
                + "images, then HITL iterations in which an oracle (the dataset label) answers the max-entropy queue, with "
                + "fine-tuning on labelled ∪ answered after each; the baseline spends the same number of labels on random pool "
                + "images in the same run, from the same first model. Accuracies are on the full 10,000-image test set with "
                + "the setting's own degradation; the test set is never reviewed or trained on.\n\n");
        md.append("| setting | model | input | initial acc | final acc | labels given | corrections | HITL gain | random gain "
                + "(same budget) | time |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> sizes = new ArrayList<>();
        for (ExperimentSeed000Command.SettingResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f %% | %.2f %% | %d | %d | %+.2f | %+.2f | %.0f s |%n",
                    r.name(), r.architecture(), r.input(), r.initialAccuracy() * 100, r.finalAccuracy() * 100, r.labelsGiven(),
                    r.corrections(), (r.finalAccuracy() - r.initialAccuracy()) * 100,
                    (r.baselineFinalAccuracy() - r.initialAccuracy()) * 100, r.seconds()));
            String s = r.sizes().describe();
            if (!sizes.contains(s)) sizes.add(s);
        }
        int missing = names.size() - results.size();
        md.append("\nGains are in percentage points of test accuracy; corrections are answers that differ from the model's guess. ");
        md.append("Sizes: ").append(String.join("; and ", sizes)).append(". Charts: `<setting>.png` beside this file.\n");
        if (missing > 0) md.append("\nNot yet run: ").append(missing).append(" of ").append(names.size()).append(" settings.\n");
        AtomicWrite.write(out.resolve("summary.md"), md.toString().getBytes(StandardCharsets.UTF_8));
    }
}
