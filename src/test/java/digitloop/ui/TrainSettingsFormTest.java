package digitloop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.data.Augmentation;
import digitloop.data.Degradation;
import digitloop.model.MlpSpec;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingRequest;
import java.util.List;
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
    void theHandwritingStylesReachTheRequestAndThePreviewShowsWhatTheyDo() throws Exception {
        var train = digitloop.TestData.train().head(200);
        onEdt(() -> {
            TrainSettingsForm form = new TrainSettingsForm();
            form.handwriting.setSelected(true);
            assertEquals(Augmentation.NONE.withStyle(digitloop.data.HandwritingStyle.ALL), form.request("styled").config().augmentation(),
                    "the styles without the moves");
            form.augment.setSelected(true);
            Augmentation both = form.request("both").config().augmentation();
            assertEquals(Augmentation.STANDARD.withStyle(digitloop.data.HandwritingStyle.ALL), both);

            java.awt.image.BufferedImage preview = AugmentationPreview.of(train, both, 1);
            int cell = 28 * 3;
            assertEquals((AugmentationPreview.VARIANTS + 1) * cell, preview.getWidth());
            assertEquals(10 * cell, preview.getHeight(), "a row per digit");
            int changed = 0;
            for (int y = 0; y < cell; y++) {
                for (int x = 0; x < cell; x++) if (preview.getRGB(x, y) != preview.getRGB(cell + x, y)) changed++;
            }
            assertTrue(changed > 100, "the variants differ from the image itself: " + changed + " pixels");
            try {
                // docs/handwriting.md shows it.
                javax.imageio.ImageIO.write(preview, "png", DesktopAppGuiTest.SCREENSHOTS.resolve("augmentation-preview.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
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

    @Test
    void aNewFormAsksForTheBuiltInDefaultsTheCommandLineUses() throws Exception {
        onEdt(() -> {
            TrainSettingsForm form = new TrainSettingsForm();
            TrainingRequest r = form.request("");
            // TrainingRequest.DEFAULT is what `train` resolves with nothing typed (ConfigurationTest checks that side).
            assertEquals(TrainingRequest.DEFAULT, r);
            assertEquals(10, (Integer) form.epochs.getValue(), "one default for epochs, not the tab's old 5");
        });
    }

    @Test
    void aFormFromAConfiguredRecipeShowsItAndTrainsWithItsHiddenSettingsToo() throws Exception {
        TrainingRequest recipe = new TrainingRequest("", new MlpSpec(List.of(64, 32), "relu", 0.2), new Degradation(0.3, false, 7),
                new TrainingConfig(12, 32, 5e-4, 0.9, 4, 0.2, 3, Augmentation.STANDARD.withZoom(0.1), 0.1), 5000);
        onEdt(() -> {
            TrainSettingsForm form = new TrainSettingsForm(null, recipe);
            assertEquals("MLP", form.model.getSelectedItem());
            assertEquals("64,32", form.layers.getText());
            assertEquals("Gaussian noise", form.input.getSelectedItem());
            assertTrue(form.sigma.isEnabled());
            assertEquals(12, (Integer) form.epochs.getValue());
            assertEquals(5000, (Integer) form.limit.getValue());
            assertTrue(form.augment.isSelected());
            // Decay, validation share, patience, zoom and the noise's seed have no field: the recipe's stand.
            assertEquals(recipe, form.request(""));
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
