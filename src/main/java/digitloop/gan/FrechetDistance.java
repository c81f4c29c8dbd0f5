package digitloop.gan;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Fréchet distance between two sets of feature vectors, each taken as a Gaussian (Heusel et al. 2017, "FID"):
 * |μa − μb|² + tr(Σa) + tr(Σb) − 2 tr((Σa^½ Σb Σa^½)^½). The inner square root is of a symmetric positive
 * semi-definite matrix, so a symmetric eigendecomposition gives it without complex arithmetic.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    public static double between(float[][] a, float[][] b) {
        if (a.length < 2 || b.length < 2) throw new IllegalArgumentException("a Fréchet distance needs at least 2 vectors a side");
        int d = a[0].length;
        double[] muA = mean(a, d);
        double[] muB = mean(b, d);
        RealMatrix covA = covariance(a, muA);
        RealMatrix covB = covariance(b, muB);
        RealMatrix rootA = symmetricRoot(covA);
        RealMatrix inner = rootA.multiply(covB).multiply(rootA);
        inner = inner.add(inner.transpose()).scalarMultiply(0.5);
        double traceRoot = 0;
        for (double lambda : new EigenDecomposition(inner).getRealEigenvalues()) traceRoot += Math.sqrt(Math.max(0, lambda));
        double meanTerm = 0;
        for (int i = 0; i < d; i++) meanTerm += (muA[i] - muB[i]) * (muA[i] - muB[i]);
        return meanTerm + covA.getTrace() + covB.getTrace() - 2 * traceRoot;
    }

    private static double[] mean(float[][] x, int d) {
        double[] mu = new double[d];
        for (float[] row : x) for (int i = 0; i < d; i++) mu[i] += row[i];
        for (int i = 0; i < d; i++) mu[i] /= x.length;
        return mu;
    }

    private static RealMatrix covariance(float[][] x, double[] mu) {
        int d = mu.length;
        double[][] c = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : x) {
            for (int i = 0; i < d; i++) centred[i] = row[i] - mu[i];
            for (int i = 0; i < d; i++) {
                double ci = centred[i];
                if (ci == 0) continue;
                double[] ci_row = c[i];
                for (int j = i; j < d; j++) ci_row[j] += ci * centred[j];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= x.length - 1;
                c[j][i] = c[i][j];
            }
        }
        return new Array2DRowRealMatrix(c, false);
    }

    private static RealMatrix symmetricRoot(RealMatrix m) {
        EigenDecomposition eigen = new EigenDecomposition(m);
        RealMatrix v = eigen.getV();
        double[] lambda = eigen.getRealEigenvalues();
        int d = lambda.length;
        RealMatrix scaled = v.copy();
        for (int j = 0; j < d; j++) {
            double root = Math.sqrt(Math.max(0, lambda[j]));
            for (int i = 0; i < d; i++) scaled.setEntry(i, j, scaled.getEntry(i, j) * root);
        }
        return scaled.multiply(v.transpose());
    }
}
