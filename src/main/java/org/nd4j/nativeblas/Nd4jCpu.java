package org.nd4j.nativeblas;

/**
 * Compatibility shim, not part of ND4J. DL4J 1.0.0-M2.1's oneDNN layer helpers check support by
 * reflection on {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN}, a class the same release
 * moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} (method
 * {@code isUseONEDNN}). Without this class the check throws, and DL4J silently drops the fast
 * convolution, pooling and batch-norm helpers. Remove it once DL4J looks up the new name.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
