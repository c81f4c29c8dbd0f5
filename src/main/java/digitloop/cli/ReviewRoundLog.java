package digitloop.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import digitloop.files.AtomicWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows {@code experiment review-round --json} writes, read back so that the same command resumes
 * after its last finished round: each row holds the round's figures and the labels the oracle gave.
 */
final class ReviewRoundLog {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReviewRoundLog() {
    }

    /** What one seed's finished rounds leave behind. */
    record Resumed(int rounds, int corrections, int lastAccepted, List<Map<Integer, Integer>> answersByRound) {
        /** Every label given in rounds 1 to {@code round}, in the order given. */
        Map<Integer, Integer> answersUpTo(int round) {
            Map<Integer, Integer> all = new LinkedHashMap<>();
            for (int r = 0; r < round; r++) all.putAll(answersByRound.get(r));
            return all;
        }

        Map<Integer, Integer> answers() { return answersUpTo(rounds); }
    }

    static List<Map<String, Object>> read(Path json) {
        if (!Files.isRegularFile(json)) return new ArrayList<>();
        try {
            return JSON.readValue(json.toFile(), new TypeReference<List<Map<String, Object>>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(json + " is not a review-round file to resume (" + e.getMessage()
                    + "); give another --json file or remove this one.", e);
        }
    }

    static void write(Path json, List<Map<String, Object>> rows) {
        try {
            AtomicWrite.write(json, JSON.writeValueAsBytes(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + json, e);
        }
    }

    /** Where a seed's model is kept between runs: beside the JSON file, {@code <name>.seed<S>.<which>.zip}. */
    static Path checkpointOf(Path json, long seed, String which) {
        String name = json.getFileName().toString().replaceFirst("\\.json$", "");
        return json.toAbsolutePath().resolveSibling(name + ".seed" + seed + "." + which + ".zip");
    }

    /** The finished rounds of {@code seed}, which must run 1, 2, … without a gap. */
    static Resumed resumed(List<Map<String, Object>> rows, long seed) {
        int rounds = 0;
        int corrections = 0;
        int lastAccepted = 0;
        List<Map<Integer, Integer>> answers = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (((Number) row.get("seed")).longValue() != seed) continue;
            int round = ((Number) row.get("round")).intValue();
            if (round != rounds + 1) throw new IllegalStateException("seed " + seed + " has round " + round + " after round " + rounds);
            Object given = row.get("answered");
            if (!(given instanceof List<?> pairs)) {
                throw new IllegalStateException("round " + round + " of seed " + seed + " does not list its labels; it cannot be resumed");
            }
            Map<Integer, Integer> labels = new LinkedHashMap<>();
            for (Object pair : pairs) {
                List<?> p = (List<?>) pair;
                labels.put(((Number) p.get(0)).intValue(), ((Number) p.get(1)).intValue());
            }
            answers.add(labels);
            rounds = round;
            corrections = ((Number) row.get("corrections")).intValue();
            if (Boolean.TRUE.equals(row.get("accepted"))) lastAccepted = round;
        }
        return new Resumed(rounds, corrections, lastAccepted, List.copyOf(answers));
    }
}
