package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfidentLearningTest {
    @TempDir
    Path temp;

    /** Probabilities of a model that is sure of every class but 7, which it calls 7 at only 0.55. */
    private static float[] p(int cls, float prob) {
        float[] p = new float[10];
        Arrays.fill(p, (1 - prob) / 9);
        p[cls] = prob;
        return p;
    }

    @Test
    void perClassThresholdsFlagALabelAnotherClassClaimsNotAClassTheModelIsAlwaysUnsureOf() {
        int n = 200;
        float[][] probs = new float[n][];
        int[] labels = new int[n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2 == 0 ? 7 : 3;
            probs[i] = labels[i] == 7 ? p(7, 0.5f + 0.1f * (i % 3)) : p(3, 0.97f + 0.01f * (i % 3));
            ids[i] = 1000 + i;
        }
        // Sample 1 is labelled 3, but the model gives 7 more than 7's own threshold (~0.6): a label error.
        probs[1] = p(7, 0.8f);
        ConfidentLearning.Result r = ConfidentLearning.find(probs, labels, ids, LabelQuality.SELF_CONFIDENCE);

        assertEquals(0.6, r.thresholds()[7], 0.01, "t_7 is the mean p(7) over the samples labelled 7");
        assertEquals(List.of(1001), r.issues().stream().map(LabelIssue::id).toList(),
                "only the 3 that is confidently a 7; the hundred unsure 7s (p 0.5) are never flagged");
        LabelIssue issue = r.issues().get(0);
        assertEquals(3, issue.given());
        assertEquals(7, issue.suggested());
        assertEquals(1, issue.rank());
        assertEquals(1, r.joint()[3][7], "the confident joint counts it off the diagonal");
        assertEquals(1, r.offDiagonal());
    }

    @Test
    void plantedLabelErrorsInRealMnistRankAtTheTopOfTheOutOfFoldRanking() throws Exception {
        Digits clean = TestData.train().head(3000);
        PlantedErrors planted = PlantedErrors.flip(clean, 100, 7);
        CrossValidation cv = CrossValidation.DEFAULT.withFolds(3).withPasses(4);
        Path cache = temp.resolve("folds");
        LabelIssueSearch.Outcome found = LabelIssueSearch.training(planted.digits(), cv, LabelQuality.SELF_CONFIDENCE, cache,
                ProgressSink.NONE, CancellationToken.none());

        double recall = planted.recallAt(found.result().issues(), 100);
        System.out.printf("planted 100 of 3,000: recall in the top 100 %.2f, %d flagged, %.0f s%n", recall,
                found.result().issues().size(), found.seconds());
        // Measured 0.73 (95 flagged, 58 s on 2 shared cores); fold models trained on 2,000 images for 4 passes misread
        // a few planted images as their wrong label too. The floor leaves room for another machine's arithmetic.
        assertTrue(recall >= 0.65, "recall of the planted errors in the top 100: " + recall);
        for (int i = 0; i < planted.digits().size(); i++) {
            assertTrue(found.probabilities()[i] != null, "every sample has out-of-fold probabilities");
        }
        try (var files = Files.list(cache)) {
            assertEquals(3, files.count(), "one saved file per fold");
        }
        // A second run with the same settings reads the folds back: the same ranking, no training.
        LabelIssueSearch.Outcome again = LabelIssueSearch.training(planted.digits(), cv, LabelQuality.SELF_CONFIDENCE, cache,
                ProgressSink.NONE, CancellationToken.none());
        assertEquals(found.result().issues(), again.result().issues());
        assertTrue(again.seconds() < found.seconds() / 3, "resumed from the saved folds: " + again.seconds() + " s");
    }

    @Test
    void aCancelledRankingKeepsItsFinishedFoldsAndTheNextRunTrainsOnlyTheRest() throws Exception {
        Digits digits = TestData.train().head(800);
        CrossValidation cv = CrossValidation.DEFAULT.withFolds(2).withPasses(0.5);
        Path cache = temp.resolve("cancelled");
        CancellationToken cancel = new CancellationToken();
        List<String> messages = new java.util.ArrayList<>();
        ProgressSink stopAfterTheFirstFold = (fraction, message) -> {
            messages.add(message);
            if (message.equals("Fold 1 of 2 done")) cancel.cancel();
        };
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> cv.probabilities(digits, cache, stopAfterTheFirstFold, cancel));
        try (var files = Files.list(cache)) {
            assertEquals(List.of("fold-1-of-2.bin"), files.map(f -> f.getFileName().toString()).toList(), "the finished fold is kept, whole");
        }
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Fold 1 of 2: training on 400 images, step")), "progress per step");

        List<String> resumed = new java.util.ArrayList<>();
        float[][] p = cv.probabilities(digits, cache, (fraction, message) -> resumed.add(message), CancellationToken.none());
        assertTrue(resumed.stream().noneMatch(m -> m.startsWith("Fold 1 of 2: training")), "fold 1 is read back, not trained again");
        assertTrue(resumed.stream().anyMatch(m -> m.startsWith("Fold 2 of 2: training")));
        assertEquals(800, p.length);
        for (float[] row : p) assertEquals(1.0, row[0] + row[1] + row[2] + row[3] + row[4] + row[5] + row[6] + row[7] + row[8] + row[9], 1e-3);
    }
}
