package digitloop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.util.List;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The GUI tests' watchdog catches the EDT in work that belongs on a worker, and leaves Swing's own work alone. */
class EdtWatchdogTest {
    @Test
    void anEdtThatSleepsIsReportedWithWhereItSlept() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        try (EdtWatchdog watchdog = new EdtWatchdog()) {
            watchdog.phase("sleeping");
            Thread.sleep(50);
            SwingUtilities.invokeAndWait(EdtWatchdogTest::sleepOnTheEdt);
            // Let the watchdog's post that waited behind the sleep run and be judged.
            for (int i = 0; i < 100 && watchdog.workOnEdt().isEmpty(); i++) Thread.sleep(20);
            List<String> found = watchdog.workOnEdt();
            assertEquals(1, found.size(), "one long stall in a sleep: " + found);
            assertTrue(found.get(0).contains("during sleeping, the EDT in java.lang.Thread.sleep"), found.get(0));
            assertTrue(found.get(0).contains("sleepOnTheEdt"), "the stack says who slept: " + found.get(0));
        }
    }

    @Test
    void stacksAreJudgedByTheirFramesNotByTheirLength() {
        String swing = "\n    at java.desktop/javax.swing.JComponent.paint(JComponent.java:1)\n    at javax.swing.RepaintManager.paint(RepaintManager.java:1)";
        String engine = "\n    at org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner.exec(NativeOpExecutioner.java:1)\n    at digitloop.ui.DrawPanel.recognise(DrawPanel.java:1)";
        String locked = "\n    at digitloop.model.Classifier.predict(Classifier.java:1)\n    at digitloop.ui.DrawPanel.recognise(DrawPanel.java:1)";
        assertNull(EdtWatchdog.offEdtFrame(List.of(swing, swing)));
        assertTrue(EdtWatchdog.offEdtFrame(List.of(swing, engine)).startsWith("org.nd4j.linalg.cpu.nativecpu"));
        assertTrue(EdtWatchdog.offEdtFrame(List.of(locked)).startsWith("digitloop.model.Classifier.predict"));
    }

    @Test
    void waitingForJava2dsLockIsPaintingButWaitingForAWorkerIsNot() {
        String park = "\n    at java.base/jdk.internal.misc.Unsafe.park(Native Method)"
                + "\n    at java.base/java.util.concurrent.locks.LockSupport.park(LockSupport.java:211)"
                + "\n    at java.base/java.util.concurrent.locks.ReentrantLock.lock(ReentrantLock.java:322)";
        String painting = park + "\n    at java.desktop/sun.awt.SunToolkit.awtLock(SunToolkit.java:239)"
                + "\n    at java.desktop/sun.java2d.xr.XRRenderer.fillRect(XRRenderer.java:155)"
                + "\n    at digitloop.ui.DigitImage.paintComponent(DigitImage.java:55)";
        String waitingForWork = park + "\n    at digitloop.ui.RetrainPanel.retrain(RetrainPanel.java:1)";
        assertNull(EdtWatchdog.offEdtFrame(List.of(painting)));
        String classLoading = "\n    at java.base/java.io.FileInputStream.readBytes(Native Method)"
                + "\n    at java.base/jdk.internal.loader.BuiltinClassLoader.defineClass(BuiltinClassLoader.java:862)"
                + "\n    at digitloop.ui.DrawPanel.<init>(DrawPanel.java:79)";
        String reading = "\n    at java.base/java.io.FileInputStream.readBytes(Native Method)\n    at digitloop.ui.ChartBrowser.showSelected(ChartBrowser.java:80)";
        assertNull(EdtWatchdog.offEdtFrame(List.of(classLoading)), "loading a class is the JVM's");
        assertTrue(EdtWatchdog.offEdtFrame(List.of(reading)).startsWith("java.io.FileInputStream"), "reading a file is the app's");
        assertTrue(EdtWatchdog.offEdtFrame(List.of(waitingForWork)).startsWith("jdk.internal.misc.Unsafe.park"));
    }

    private static void sleepOnTheEdt() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
