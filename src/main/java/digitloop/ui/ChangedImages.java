package digitloop.ui;

import digitloop.data.Digits;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.util.Locale;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** Test images a retrain changed: the ones it now reads right (green) and the ones it now reads wrong (red). */
final class ChangedImages extends JPanel {
    static final int SHOWN = 14;
    private final JLabel rightTitle = new JLabel(" ");
    private final JLabel wrongTitle = new JLabel(" ");
    private final JPanel right = new JPanel(new FlowLayout(FlowLayout.LEFT, 3, 3));
    private final JPanel wrong = new JPanel(new FlowLayout(FlowLayout.LEFT, 3, 3));

    ChangedImages() {
        super(new java.awt.GridLayout(1, 2, 12, 0));
        setName("changedImages");
        right.setName("nowRight");
        wrong.setName("nowWrong");
        add(column(rightTitle, right));
        add(column(wrongTitle, wrong));
    }

    private static JPanel column(JLabel title, JPanel images) {
        JPanel p = new JPanel(new BorderLayout(0, 4));
        p.add(title, BorderLayout.NORTH);
        p.add(images, BorderLayout.CENTER);
        return p;
    }

    /** On the EDT; {@code test} is the test set as shown (undegraded), the indices point into it. */
    void show(Digits test, int[] nowRight, int[] nowWrong, int[] predictions) {
        fill(right, rightTitle, test, nowRight, predictions, ResultsPanel.RIGHT, "now read right");
        fill(wrong, wrongTitle, test, nowWrong, predictions, ResultsPanel.WRONG, "now read wrong");
        revalidate();
        repaint();
    }

    void clear() {
        right.removeAll();
        wrong.removeAll();
        rightTitle.setText(" ");
        wrongTitle.setText(" ");
        revalidate();
        repaint();
    }

    private static void fill(JPanel panel, JLabel title, Digits test, int[] indices, int[] predictions, Color frame, String what) {
        panel.removeAll();
        title.setText(String.format(Locale.ROOT, "%d test image%s %s%s", indices.length, indices.length == 1 ? "" : "s", what,
                indices.length > SHOWN ? " (the first " + SHOWN + ")" : ""));
        for (int k = 0; k < Math.min(SHOWN, indices.length); k++) {
            int i = indices[k];
            DigitImage image = new DigitImage(34);
            image.setPixels(test.image(i));
            image.setFrame(frame);
            image.setToolTipText(String.format(Locale.ROOT, "test image %d: a %d, now read as %d", test.id(i), test.label(i), predictions[i]));
            panel.add(image);
        }
    }
}
