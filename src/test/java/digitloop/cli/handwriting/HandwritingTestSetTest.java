package digitloop.cli.handwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.files.AppHome;
import digitloop.model.ModelFile;
import org.junit.jupiter.api.Test;

class HandwritingTestSetTest {
    @Test
    void theDefaultModelReadsDigitsOfOtherHandsAndStillRejectsScribbles() {
        HandwritingTestSet set = HandwritingTestSet.build(TestData.test(), 30, 7);
        int kinds = set.kinds().size();
        assertTrue(kinds >= 3 + 2 + 6, "three pens, at least DejaVu's two fonts, six MNIST styles: " + set.kinds());
        assertEquals(30 * kinds, set.digits().size(), "every pen drawing and typeset digit has ink the reader finds");
        int drawn = 30 * (kinds - 6);
        for (int i = 0; i < drawn; i++) assertEquals(i % 10, set.digits().label(i), "pen and font digits cycle 0-9");
        for (int i = drawn; i < set.digits().size(); i++) {
            assertEquals(TestData.test().label(HandwritingTestSet.FIRST_MNIST + (i - drawn) % 30), set.digits().label(i), "restyled keep their label");
        }
        HandwritingReport report = HandwritingReport.of("cnn", ModelFile.load(AppHome.resolve("models", "cnn.zip")), set);
        assertTrue(report.all().accuracy() > 0.95, "the default CNN on other hands: " + report.all());
        assertTrue(report.byKind().get("pen, MNIST width").accuracy() > 0.9, report.byKind().toString());
        assertTrue(report.nonDigitsRejected() > 0.9, "non-digits rejected: " + report.nonDigitsRejected());
        assertTrue(HandwritingReport.table(java.util.List.of(report)).contains("| **all** | " + set.digits().size() + " |"));
    }
}
