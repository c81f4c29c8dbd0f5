package digitloop.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.UIManager;

/** Browses the PNG charts that {@code ./digitloop experiment} writes, each scaled to fit. */
final class ChartBrowser extends JPanel {
    private final Path folder;
    private final TaskRunner tasks;
    private final DefaultListModel<Path> files = new DefaultListModel<>();
    private final JList<Path> list = new JList<>(files);
    private final Picture picture = new Picture();
    private final JLabel note = new JLabel(" ");

    ChartBrowser(Path folder, TaskRunner tasks) {
        super(new BorderLayout(8, 8));
        this.folder = folder;
        this.tasks = tasks;
        setName("chartBrowser");
        list.setCellRenderer((l, value, index, selected, focus) -> {
            JLabel label = new JLabel(value.getFileName().toString());
            label.setOpaque(selected);
            label.setBorder(javax.swing.BorderFactory.createEmptyBorder(3, 6, 3, 6));
            if (selected) {
                label.setBackground(l.getSelectionBackground());
                label.setForeground(l.getSelectionForeground());
            }
            return label;
        });
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) showSelected();
        });
        JButton refresh = new JButton("Refresh");
        refresh.addActionListener(e -> refresh());
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(280, 400));
        JPanel left = new JPanel(new BorderLayout(0, 6));
        left.add(scroll, BorderLayout.CENTER);
        left.add(refresh, BorderLayout.SOUTH);
        add(left, BorderLayout.WEST);
        add(picture, BorderLayout.CENTER);
        add(note, BorderLayout.SOUTH);
        refresh();
    }

    /** Lists the folder on a worker: a folder on a slow or network disk must not hold the window. */
    void refresh() {
        tasks.run("Listing the experiment charts", ctx -> list(folder), this::show, e -> note.setText("Cannot list " + folder + ": " + e.getMessage()));
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void show(List<Path> found) {
        files.clear();
        found.forEach(files::addElement);
        note.setText(found.isEmpty() ? "No charts in " + folder + " yet: run ./digitloop experiment seed000 to make them."
                : found.size() + " charts in " + folder);
        if (!found.isEmpty()) list.setSelectedIndex(0); else picture.set(null);
    }

    private void showSelected() {
        Path p = list.getSelectedValue();
        if (p == null) return;
        // Decoding a large PNG takes tens of milliseconds, more on a busy machine: not on the EDT.
        tasks.run("Reading the chart " + p.getFileName(), ctx -> ImageIO.read(p.toFile()), image -> {
            if (p.equals(list.getSelectedValue())) picture.set(image);
        }, e -> {
            picture.set(null);
            note.setText("Cannot read " + p + ": " + e.getMessage());
        });
    }

    int chartCount() { return files.size(); }

    /** An image scaled down to fit, keeping its aspect ratio. */
    private static final class Picture extends JComponent {
        private BufferedImage image;

        void set(BufferedImage img) {
            image = img;
            repaint();
        }

        @Override
        protected void paintComponent(Graphics g) {
            if (image == null) {
                g.setColor(UIManager.getColor("Label.disabledForeground"));
                g.drawString("No chart selected", 20, 30);
                return;
            }
            double scale = Math.min(1, Math.min((double) getWidth() / image.getWidth(), (double) getHeight() / image.getHeight()));
            int w = (int) (image.getWidth() * scale);
            int h = (int) (image.getHeight() * scale);
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g2.drawImage(image, (getWidth() - w) / 2, 0, w, h, null);
            g2.dispose();
        }
    }
}
