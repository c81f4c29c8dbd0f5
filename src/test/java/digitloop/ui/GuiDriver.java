package digitloop.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/** Drives real Swing windows with java.awt.Robot; reads component state on the EDT; waits on conditions with deadlines. */
final class GuiDriver {
    final Robot robot;

    GuiDriver() throws Exception {
        robot = new Robot();
        robot.setAutoDelay(4);
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void waitFor(Check check, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!check.holds()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            Thread.sleep(25);
        }
    }

    static <T> T onEdt(Callable<T> c) throws Exception {
        if (SwingUtilities.isEventDispatchThread()) return c.call();
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(c.call());
            } catch (Exception e) {
                error.set(e);
            }
        });
        if (error.get() != null) throw error.get();
        return result.get();
    }

    static List<Component> allComponents(Container c) {
        List<Component> list = new ArrayList<>();
        for (Component child : c.getComponents()) {
            list.add(child);
            if (child instanceof Container k) list.addAll(allComponents(k));
        }
        return list;
    }

    static <T extends Component> T find(Container root, String name, Class<T> type) throws Exception {
        return onEdt(() -> {
            for (Component c : allComponents(root)) {
                if (name.equals(c.getName()) && type.isInstance(c)) return type.cast(c);
            }
            throw new AssertionError("no " + type.getSimpleName() + " named " + name);
        });
    }

    /** A showing window (dialog) with this name, or null. */
    static Window window(String name) throws Exception {
        return onEdt(() -> {
            for (Window w : Window.getWindows()) if (name.equals(w.getName()) && w.isShowing()) return w;
            return null;
        });
    }

    void click(Component c) throws Exception {
        Point p = onEdt(() -> {
            Point s = c.getLocationOnScreen();
            return new Point(s.x + c.getWidth() / 2, s.y + c.getHeight() / 2);
        });
        clickAt(p.x, p.y);
    }

    /**
     * Clicks {@code c} until {@code done} holds, a few seconds apart, for at most {@code seconds}: a dialog that has
     * just appeared can still be moving to its place under load, and the first click then lands beside the button.
     */
    void clickUntil(Component c, Check done, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int attempts = 0;
        while (true) {
            if (++attempts > 3 && c instanceof javax.swing.AbstractButton button) {
                // Three robot clicks lost (fresh-clone CI runs saw a dialog's button ignore them for a minute): press it
                // the way a keyboard user would, so the flow under test still goes on, and say so in the output.
                System.out.println("GuiDriver: three robot clicks on '" + button.getText() + "' were lost; pressing it directly");
                SwingUtilities.invokeAndWait(button::doClick);
                if (waitUntil(done, Math.max(5, (int) ((deadline - System.nanoTime()) / 1_000_000_000L)))) return;
                throw new AssertionError("pressing '" + button.getText() + "' did not lead to " + what);
            }
            robot.waitForIdle();
            // Xvfb has no window manager to keep a dialog above its owner: a repaint of the main window under load
            // can cover it, and the robot's click then lands on the window below.
            SwingUtilities.invokeAndWait(() -> {
                Window w = SwingUtilities.getWindowAncestor(c);
                if (w != null) w.toFront();
            });
            robot.waitForIdle();
            click(c);
            long retry = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < retry) {
                if (done.holds()) return;
                Thread.sleep(25);
            }
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + seconds + " s clicking until " + what);
        }
    }

    private static boolean waitUntil(Check done, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            if (done.holds()) return true;
            Thread.sleep(25);
        }
        return done.holds();
    }

    void clickAt(int x, int y) {
        robot.mouseMove(x, y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    void drag(int x0, int y0, int x1, int y1) {
        robot.mouseMove(x0, y0);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        for (int i = 1; i <= 24; i++) robot.mouseMove(x0 + (x1 - x0) * i / 24, y0 + (y1 - y0) * i / 24);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    void type(int key) {
        robot.keyPress(key);
        robot.keyRelease(key);
        robot.waitForIdle();
    }

    /** The window as Swing paints it (no desktop around it), saved as PNG. */
    static void screenshot(Window window, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage shot = onEdt(() -> {
            BufferedImage img = new BufferedImage(window.getWidth(), window.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            window.paint(g);
            g.dispose();
            return img;
        });
        ImageIO.write(shot, "png", file.toFile());
    }
}
