package digitloop.ui;

import digitloop.train.CancellationToken;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;

/** The bottom line: what is running (with progress and Cancel), else what the app holds. */
final class StatusBar extends JPanel implements TaskRunner.Observer {
    private final JLabel message = new JLabel("Starting…");
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JButton cancel = new JButton("Cancel");
    private CancellationToken current;
    private String idleText = " ";

    StatusBar() {
        super(new BorderLayout(8, 0));
        setName("statusBar");
        message.setName("statusMessage");
        setBorder(BorderFactory.createEmptyBorder(4, 10, 4, 10));
        progress.setPreferredSize(new Dimension(220, 16));
        progress.setVisible(false);
        cancel.setVisible(false);
        cancel.addActionListener(e -> {
            if (current != null) current.cancel();
        });
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        right.add(progress);
        right.add(cancel);
        add(message, BorderLayout.CENTER);
        add(right, BorderLayout.EAST);
    }

    void setIdleText(String text) {
        idleText = text;
        if (current == null) message.setText(text);
    }

    @Override
    public void started(String name, CancellationToken cancel) {
        current = cancel;
        message.setText(name + "…");
        progress.setIndeterminate(true);
        progress.setVisible(true);
        this.cancel.setVisible(true);
    }

    @Override
    public void progress(double fraction, String text) {
        if (fraction >= 0) {
            progress.setIndeterminate(false);
            progress.setValue((int) (fraction * 1000));
        }
        if (text != null) message.setText(text);
    }

    @Override
    public void finished(String name) {
        current = null;
        progress.setVisible(false);
        cancel.setVisible(false);
        message.setText(idleText);
    }

    String text() { return message.getText(); }
}
