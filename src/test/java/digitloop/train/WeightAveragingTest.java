package digitloop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightAveragingTest {
    private static final Path MLP = Path.of("models", "mlp.zip");

    @Test
    void theAverageOfAModelWithItselfIsThatModelAndSaysWhatItIsMadeOf() {
        LoadedModel a = ModelFile.load(MLP);
        LoadedModel b = ModelFile.load(MLP);
        Digits some = TestData.test().head(200);
        LoadedModel soup = WeightAveraging.average("soup", List.of(a, b), TestData.train().head(0));
        float[][] expected = a.classifier().score(some).probabilities();
        float[][] actual = soup.classifier().score(some).probabilities();
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], 1e-5f);
        assertEquals(List.of("mlp.zip", "mlp.zip"), soup.metadata().averageOf());
        assertEquals("soup", soup.metadata().name());
    }

    @Test
    void modelsOfDifferentShapesAreRefusedWithBothNamed() {
        LoadedModel mlp = ModelFile.load(MLP);
        LoadedModel cnn = ModelFile.load(Path.of("models", "cnn.zip"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightAveraging.average("x", List.of(mlp, cnn), TestData.train().head(0)));
        assertTrue(e.getMessage().contains("only fine-tunes of one model can be averaged"), e.getMessage());
    }
}
