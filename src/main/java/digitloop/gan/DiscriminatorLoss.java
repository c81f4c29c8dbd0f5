package digitloop.gan;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The discriminator's loss over its eleven outputs: column 0 is the real-or-generated score (least squares on
 * the raw score, or binary cross-entropy on its sigmoid), columns 1-10 name the digit (softmax cross-entropy,
 * weighted by {@code classWeight}, as in Odena et al. 2017's auxiliary-classifier GAN). A row whose ten label
 * columns are all zero adds no naming term: the trainer teaches the naming on real digits only, and asks the
 * generator for digits that this real-digit namer reads as their label.
 *
 * <p>One output layer with one loss keeps the discriminator a plain {@code MultiLayerNetwork}, so
 * {@code calculateGradients} still hands back the gradient with respect to the image. The fields are not final
 * because DL4J rebuilds its configuration from JSON by setting fields.
 */
public final class DiscriminatorLoss implements ILossFunction {
    public static final int OUTPUTS = 1 + GanSpec.LABELS;

    private boolean leastSquares;
    private double classWeight;

    /** For DL4J's JSON reader. */
    public DiscriminatorLoss() {
        this(true, 0);
    }

    public DiscriminatorLoss(boolean leastSquares, double classWeight) {
        this.leastSquares = leastSquares;
        this.classWeight = classWeight;
    }

    /** The real-or-generated score of raw outputs: as it is for least squares, through a sigmoid for BCE. */
    public INDArray realness(INDArray rawOutput) {
        INDArray score = rawOutput.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1)).dup();
        return leastSquares ? score : Transforms.sigmoid(score, false);
    }

    /** Targets for a batch: score {@code realness} for every row, and the label's column when {@code labels} is given. */
    public static INDArray targets(double realness, int[] labels, int rows) {
        float[] t = new float[rows * OUTPUTS];
        for (int i = 0; i < rows; i++) {
            t[i * OUTPUTS] = (float) realness;
            if (labels != null) t[i * OUTPUTS + 1 + labels[i]] = 1f;
        }
        return Nd4j.create(t, new long[]{rows, OUTPUTS});
    }

    /** The adversarial part of the loss alone, per row averaged: what the generator's loss column reports. */
    public double adversarial(INDArray rawOutput, double target) {
        // Targets without a label add no naming term, so this is the score column's loss alone.
        INDArray unnamed = targets(target, null, (int) rawOutput.size(0)).castTo(rawOutput.dataType());
        return scorePerRow(unnamed, rawOutput).meanNumber().doubleValue();
    }

    private INDArray scorePerRow(INDArray labels, INDArray raw) {
        INDArray t = labels.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1));
        INDArray s = raw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1));
        INDArray adversarial;
        if (leastSquares) {
            INDArray d = s.sub(t);
            adversarial = d.muli(d);
        } else {
            // Cross-entropy from the logit, stable for large |s|: max(s, 0) - s*t + log(1 + exp(-|s|)).
            adversarial = Transforms.relu(s, true).subi(s.mul(t)).addi(Transforms.log(Transforms.exp(Transforms.abs(s, true).negi(), false).addi(1), false));
        }
        INDArray perRow = adversarial.reshape(raw.size(0));
        if (classWeight > 0) {
            INDArray y = labels.get(NDArrayIndex.all(), NDArrayIndex.interval(1, OUTPUTS));
            INDArray logits = raw.get(NDArrayIndex.all(), NDArrayIndex.interval(1, OUTPUTS));
            perRow.addi(logSoftmax(logits).muli(y).sum(1).negi().muli(classWeight));
        }
        return perRow;
    }

    private static INDArray logSoftmax(INDArray logits) {
        INDArray max = logits.max(true, 1);
        INDArray shifted = logits.subColumnVector(max);
        INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subiColumnVector(logSum);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        INDArray perRow = computeScoreArray(labels, preOutput, activationFn, mask);
        double sum = perRow.sumNumber().doubleValue();
        return average ? sum / perRow.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray perRow = scorePerRow(labels, activationFn.getActivation(preOutput.dup(), true));
        if (mask != null) perRow.muli(mask.reshape(perRow.shape()));
        return perRow.reshape(perRow.size(0), 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray raw = activationFn.getActivation(preOutput.dup(), true);
        INDArray t = labels.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1));
        INDArray s = raw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1));
        INDArray adversarial = leastSquares ? s.sub(t).muli(2) : Transforms.sigmoid(s, true).subi(t);
        INDArray naming;
        INDArray y = labels.get(NDArrayIndex.all(), NDArrayIndex.interval(1, OUTPUTS));
        if (classWeight > 0) {
            INDArray logits = raw.get(NDArrayIndex.all(), NDArrayIndex.interval(1, OUTPUTS));
            // Rows without a label (all zeros) get no naming gradient.
            INDArray labelled = y.sum(true, 1);
            naming = Transforms.exp(logSoftmax(logits), false).muliColumnVector(labelled).subi(y).muli(classWeight);
        } else {
            naming = Nd4j.zerosLike(y);
        }
        INDArray grad = Nd4j.hstack(adversarial, naming);
        if (mask != null) grad.muliColumnVector(mask.reshape(mask.size(0), 1));
        return activationFn.backprop(preOutput.dup(), grad).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                                                          boolean average) {
        return Pair.of(computeScore(labels, preOutput, activationFn, mask, average), computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "DiscriminatorLoss(" + (leastSquares ? "least squares" : "BCE") + ", naming weight " + classWeight + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
