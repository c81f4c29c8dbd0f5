package digitloop.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.UIManager;

/**
 * The bottom line: what is running (the newest task, with progress and Cancel, and how many more),
 * else what the app holds (model, input, trusted threshold, labels).
 */
final class StatusBar extends JPanel implements TaskRunner.Observer {
    private final JLabel message = new JLabel("Starting…");
    private final JLabel more = new JLabel();
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JButton cancel = new JButton("Cancel");
    private final List<TaskRunner.RunningTask> running = new ArrayList<>();
    private String idleText = " ";

    StatusBar() {
        super(new BorderLayout(8, 0));
        setName("statusBar");
        message.setName("statusMessage");
        cancel.setName("statusCancel");
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0,
                UIManager.getColor("Separator.foreground")), BorderFactory.createEmptyBorder(4, 10, 4, 10)));
        progress.setPreferredSize(new Dimension(220, 16));
        cancel.putClientProperty("JButton.buttonType", "toolBarButton");
        cancel.addActionListener(e -> {
            if (!running.isEmpty()) running.get(running.size() - 1).cancel();
        });
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        right.add(more);
        right.add(progress);
        right.add(cancel);
        add(message, BorderLayout.CENTER);
        add(right, BorderLayout.EAST);
        show(null);
    }

    void setIdleText(String text) {
        idleText = text;
        if (running.isEmpty()) message.setText(text);
    }

    @Override
    public void started(TaskRunner.RunningTask task) {
        if (task.lane() == TaskRunner.Lane.JOURNAL) return;
        running.add(task);
        show(task);
    }

    @Override
    public void progress(TaskRunner.RunningTask task) {
        // The newest task owns the bar; older ones keep running quietly.
        if (!running.isEmpty() && running.get(running.size() - 1) == task) show(task);
    }

    @Override
    public void finished(TaskRunner.RunningTask task) {
        if (!running.remove(task)) return;
        show(running.isEmpty() ? null : running.get(running.size() - 1));
    }

    private void show(TaskRunner.RunningTask task) {
        boolean busy = task != null;
        progress.setVisible(busy);
        cancel.setVisible(busy);
        more.setVisible(running.size() > 1);
        more.setText("+" + (running.size() - 1) + " more");
        if (!busy) {
            message.setText(idleText);
            return;
        }
        message.setText(task.message());
        double f = task.fraction();
        progress.setIndeterminate(f < 0);
        if (f >= 0) progress.setValue((int) Math.round(Math.min(1, f) * 1000));
    }

    String text() { return message.getText(); }

    boolean busy() { return !running.isEmpty(); }
}
