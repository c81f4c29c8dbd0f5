package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.cli.handwriting.PersonalHand;
import digitloop.data.Digits;
import digitloop.files.AppHome;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Adapt to my handwriting" on the default CNN and a synthetic writer whose digits it misreads at times. */
class HandwritingAdaptationTest {
    /** Writer 2 of `experiment adapt` (backhand, a 1 with a base, a closed 4, a slashed 0, a straight 9): the default CNN reads 94.8 % of 500. */
    private static final long WRITER = 2;

    static List<LabelEvent> taught(List<PersonalHand.Drawing> drawings) {
        List<LabelEvent> events = new ArrayList<>();
        int id = -1;
        for (PersonalHand.Drawing d : drawings) {
            events.add(new LabelEvent(LabelEvent.Kind.DRAWING, 0, "", id--, d.label(), d.label(), 0.5f, "drawing", d.pixels28()));
        }
        return events;
    }

    @Test
    void aFifthOfEveryDigitIsHeldBackTheSameWayEachTime() {
        List<LabelEvent> drawings = taught(PersonalHand.of(WRITER).drawings(5, 1));
        HandwritingAdaptation.Split a = HandwritingAdaptation.split(drawings, 1);
        HandwritingAdaptation.Split b = HandwritingAdaptation.split(drawings, 1);
        assertEquals(a, b);
        assertEquals(drawings.size(), a.train().size() + a.heldOut().size());
        Set<Integer> trained = new HashSet<>();
        a.train().forEach(e -> trained.add(e.sampleId()));
        assertTrue(a.heldOut().stream().noneMatch(e -> trained.contains(e.sampleId())), "no drawing is both trained on and measured on");
        for (int digit = 0; digit <= 9; digit++) {
            final int d = digit;
            assertEquals(1, a.heldOut().stream().filter(e -> e.label() == d).count(), "one of the five drawings of " + digit);
        }
    }

    @Test
    void tooFewDrawingsAreRefusedWithWhatToDo() {
        List<LabelEvent> nine = taught(PersonalHand.of(WRITER).drawings(1, 1)).subList(0, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandwritingAdaptation.split(nine, 1));
        assertTrue(e.getMessage().contains("at least 10") && e.getMessage().contains("Draw tab"), e.getMessage());
    }

    @Test
    void theAdaptedModelReadsTheWritersOtherDigitsBetterAndKeepsMnist() {
        LoadedModel cnn = ModelFile.load(AppHome.resolve("models", "cnn.zip"));
        Digits train = TestData.train();
        Digits test = TestData.test();
        ReviewContract contract = ReviewContract.of(cnn.metadata(), train);
        PersonalHand hand = PersonalHand.of(WRITER);
        HandwritingAdaptation.Result r = HandwritingAdaptation.adapt(cnn, contract, taught(hand.drawings(5, WRITER * 1000 + 1)), test, null,
                RetrainRecipe.ADAPT, 1, (f, m) -> { }, CancellationToken.none());
        Digits more = PersonalHand.asDigits(hand.drawings(50, WRITER * 1000 + 2));
        double before = accuracy(cnn, more);
        double after = accuracy(r.candidate().model(), more);
        assertTrue(before < 0.98, "the writer must be one the model misreads at times for this to mean anything: " + before);
        assertTrue(after >= before + 0.02, "500 more of the writer's digits, none trained on: " + before + " -> " + after);
        assertTrue(r.heldOutAfter() >= r.heldOutBefore(), r.summary());
        assertTrue(r.candidate().after().test() >= r.candidate().before().test() - 0.003, "MNIST is not forgotten: " + r.summary());
    }


    private static double accuracy(LoadedModel m, Digits d) {
        var s = m.classifier().score(d);
        int right = 0;
        for (int i = 0; i < d.size(); i++) if (s.argmax(i) == d.label(i)) right++;
        return (double) right / d.size();
    }
}
