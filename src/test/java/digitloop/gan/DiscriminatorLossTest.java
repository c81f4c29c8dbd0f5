package digitloop.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The loss's gradient is the derivative of its score: checked against central differences, row by row. */
class DiscriminatorLossTest {

    @Test
    void leastSquaresGradientMatchesTheScore() {
        check(new DiscriminatorLoss(true, 1.0));
    }

    @Test
    void crossEntropyGradientMatchesTheScore() {
        check(new DiscriminatorLoss(false, 0.5));
    }

    @Test
    void withoutNamingOnlyTheScoreColumnCounts() {
        DiscriminatorLoss plain = new DiscriminatorLoss(true, 0);
        INDArray raw = Nd4j.rand(DataType.DOUBLE, 3, DiscriminatorLoss.OUTPUTS).subi(0.5).muli(6);
        INDArray targets = DiscriminatorLoss.targets(1, new int[]{2, 5, 9}, 3).castTo(DataType.DOUBLE);
        INDArray gradient = plain.computeGradient(targets, raw, new ActivationIdentity(), null);
        for (int i = 0; i < 3; i++) {
            double s = raw.getDouble(i, 0);
            assertEquals(2 * (s - 1), gradient.getDouble(i, 0), 1e-9);
            for (int c = 1; c < DiscriminatorLoss.OUTPUTS; c++) assertEquals(0, gradient.getDouble(i, c), 0);
        }
        assertEquals(raw.getColumn(0).sub(1).muli(raw.getColumn(0).sub(1)).sumNumber().doubleValue(),
                plain.computeScore(targets, raw, new ActivationIdentity(), null, false), 1e-9);
    }

    private static void check(DiscriminatorLoss loss) {
        Nd4j.getRandom().setSeed(4);
        int rows = 4;
        INDArray raw = Nd4j.rand(DataType.DOUBLE, rows, DiscriminatorLoss.OUTPUTS).subi(0.5).muli(6);
        // Two named real rows, two unnamed generated ones, as the trainer's discriminator step has.
        INDArray targets = Nd4j.vstack(DiscriminatorLoss.targets(1, new int[]{3, 7}, 2), DiscriminatorLoss.targets(0, null, 2))
                .castTo(DataType.DOUBLE);
        INDArray gradient = loss.computeGradient(targets, raw, new ActivationIdentity(), null);
        double h = 1e-5;
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < DiscriminatorLoss.OUTPUTS; c++) {
                INDArray up = raw.dup();
                up.putScalar(i, c, raw.getDouble(i, c) + h);
                INDArray down = raw.dup();
                down.putScalar(i, c, raw.getDouble(i, c) - h);
                double numeric = (loss.computeScore(targets, up, new ActivationIdentity(), null, false)
                        - loss.computeScore(targets, down, new ActivationIdentity(), null, false)) / (2 * h);
                assertEquals(numeric, gradient.getDouble(i, c), 1e-6, "row " + i + " column " + c + " of " + loss);
            }
        }
    }
}
