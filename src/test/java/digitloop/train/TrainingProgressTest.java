package digitloop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {
    @Test
    void eachBatchReachesTheSinkAsTheShareOfTheWholeRunWithTheTimeLeft() {
        List<String> seen = new ArrayList<>();
        TrainingListener listener = TrainingProgress.to((fraction, message) -> seen.add(fraction + " " + message), 2, "Retraining: ");

        listener.onIteration(new IterationEvent(2, 5, 10, 15, 0.3, 20, 65));

        assertEquals(List.of("0.75 Retraining: epoch 2 of 2, batch 5 of 10, about 1:05 left"), seen);
    }

    @Test
    void durationsFromAnHourOnShowTheHours() {
        assertEquals("0:00", TrainingProgress.duration(-3));
        assertEquals("59:59", TrainingProgress.duration(3599));
        assertEquals("1:02:05", TrainingProgress.duration(3725));
    }
}
