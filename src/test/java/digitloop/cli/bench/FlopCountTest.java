package digitloop.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitloop.model.CnnSpec;
import digitloop.model.LeNetSpec;
import digitloop.model.NetworkFactory;
import org.junit.jupiter.api.Test;

class FlopCountTest {
    @Test
    void theDefaultCnnCostsWhatItsLayersSay() {
        // 3x3 same-padded convolutions 1->32 at 28x28, 32->64 at 14x14, 64->128 at 7x7, dense 6,272->256, output 256->10.
        long multiplyAdds = 28 * 28 * 32 * 9 + 14 * 14 * 64 * 9 * 32 + 7 * 7 * 128 * 9 * 64 + 6272 * 256 + 256 * 10;
        FlopCount count = FlopCount.of(NetworkFactory.build(CnnSpec.DEFAULT, 28, 1, 1e-3), 28);
        assertEquals(2.0 * multiplyAdds, count.forward(), 1e-6);
        assertEquals(3 * count.forward(), count.training(), 1e-6);
    }

    @Test
    void leNetCountsItsUnpaddedConvolutions() {
        // 5x5 convolutions without padding: 1->20 at 24x24, pool, 20->50 at 8x8, pool, dense 800->500, output 500->10.
        long multiplyAdds = 24 * 24 * 20 * 25 + 8 * 8 * 50 * 25 * 20 + 800 * 500 + 500 * 10;
        assertEquals(2.0 * multiplyAdds, FlopCount.of(NetworkFactory.build(LeNetSpec.DEFAULT, 28, 1, 1e-3), 28).forward(), 1e-6);
    }

    @Test
    void theClockComesFromTheModelNameBeforeTheCurrentFrequency() {
        assertEquals(2.8, MachinePeak.clockGhz("model name\t: Intel(R) Xeon(R) Gold 6242 CPU @ 2.80GHz\ncpu MHz\t\t: 3900.000"), 1e-9);
        assertEquals(2.6, MachinePeak.clockGhz("model name\t: Intel(R) Xeon(R) Processor\ncpu MHz\t\t: 2599.998"), 1e-5);
        assertEquals(0, MachinePeak.clockGhz("no clock here"), 0);
    }
}
