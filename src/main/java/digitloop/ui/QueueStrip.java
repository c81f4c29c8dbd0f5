package digitloop.ui;

import digitloop.hitl.ReviewQueue;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;
import java.util.Locale;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** The next few samples of the review queue, small, so the person sees what is coming. */
final class QueueStrip extends JPanel {
    private final DigitImage[] thumbs;
    private final JLabel title = new JLabel("Up next");

    QueueStrip(int count) {
        super(new BorderLayout(0, 4));
        setName("queueStrip");
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        thumbs = new DigitImage[count];
        for (int i = 0; i < count; i++) {
            thumbs[i] = new DigitImage(56);
            row.add(thumbs[i]);
        }
        add(title, BorderLayout.NORTH);
        add(row, BorderLayout.CENTER);
    }

    void show(List<ReviewQueue.Item> next) {
        for (int i = 0; i < thumbs.length; i++) {
            ReviewQueue.Item item = i < next.size() ? next.get(i) : null;
            thumbs[i].setPixels(item == null ? null : item.image());
            thumbs[i].setVisible(item != null);
            thumbs[i].setToolTipText(item == null ? null : String.format(Locale.ROOT, "model guesses %d (%.0f %%)", item.guess(),
                    item.guessProbability() * 100));
        }
        title.setText(next.isEmpty() ? " " : "Up next (" + next.size() + " more in the queue)");
    }
}
