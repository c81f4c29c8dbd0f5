package digitloop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.data.Augmentation;
import digitloop.train.TrainingRequest;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class TrainSettingsFormTest {
    @Test
    void theNonDigitShareReachesTheTrainingRequestAndTheRunList() throws Exception {
        onEdt(() -> {
            TrainSettingsForm form = new TrainSettingsForm();
            assertEquals(0.0, form.request("plain").config().nonDigitShare(), "off unless asked for");

            form.augment.setSelected(true);
            form.nonDigits.setValue(0.15);
            TrainingRequest request = form.request("sketches");
            assertEquals(0.15, request.config().nonDigitShare(), 1e-12);
            assertEquals(Augmentation.STANDARD, request.config().augmentation(), "augmentation kept beside it");
            assertTrue(form.describe().endsWith("· non-digits 15 %"), form.describe());
        });
    }

    @Test
    void layersThatAreNotNumbersAreRefusedWithTheTextThatWasTyped() throws Exception {
        onEdt(() -> {
            TrainSettingsForm form = new TrainSettingsForm();
            form.layers.setText("32, sixty-four");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> form.request("bad"));
            assertTrue(e.getMessage().contains("'32, sixty-four'"), e.getMessage());
        });
    }

    private static void onEdt(Runnable check) throws Exception {
        Throwable[] failure = new Throwable[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                check.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        if (failure[0] instanceof Error error) throw error;
        if (failure[0] instanceof Exception exception) throw exception;
    }
}
