package digitloop.ui;

import digitloop.files.RunLog;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.function.Consumer;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;

/** The menu bar; every command has a keyboard shortcut. */
final class AppMenus {
    private static final int CTRL = InputEvent.CTRL_DOWN_MASK;

    private final MainWindow window;
    private final AppPrefs prefs;

    AppMenus(MainWindow window, AppPrefs prefs) {
        this.window = window;
        this.prefs = prefs;
    }

    JMenuBar build() {
        JMenuBar bar = new JMenuBar();
        JMenu file = menu("File", KeyEvent.VK_F);
        file.add(item("Open model…", KeyStroke.getKeyStroke(KeyEvent.VK_O, CTRL), e -> window.openModel()));
        file.add(item("Save current model as…", KeyStroke.getKeyStroke(KeyEvent.VK_S, CTRL), e -> window.saveModel()));
        file.add(item("Import Kaggle CSV…", KeyStroke.getKeyStroke(KeyEvent.VK_K, CTRL), e -> window.importKaggleCsv()));
        file.addSeparator();
        file.add(item("Export training charts as PNG…", KeyStroke.getKeyStroke(KeyEvent.VK_E, CTRL), e -> {
            if (window.trainPanel() != null) window.trainPanel().exportCharts();
        }));
        file.addSeparator();
        file.add(item("Quit", KeyStroke.getKeyStroke(KeyEvent.VK_Q, CTRL), e -> window.requestClose()));

        JMenu model = menu("Model", KeyEvent.VK_M);
        model.add(item("Start training", KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, CTRL), e -> {
            if (window.trainPanel() == null) return;
            window.showTab(0);
            window.trainPanel().startTraining();
        }));
        model.add(item("Evaluate on the test set", KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0), e -> {
            if (window.resultsPanel() == null) return;
            window.showTab(3);
            window.resultsPanel().evaluateAgain();
        }));
        model.add(item("Retrain with my labels", KeyStroke.getKeyStroke(KeyEvent.VK_R, CTRL), e -> {
            if (window.reviewPanel() == null) return;
            window.showTab(1);
            window.reviewPanel().retrain();
        }));

        JMenu view = menu("View", KeyEvent.VK_V);
        JCheckBoxMenuItem dark = new JCheckBoxMenuItem("Dark theme", prefs.dark());
        dark.setName("darkToggle");
        dark.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_D, CTRL | InputEvent.SHIFT_DOWN_MASK));
        dark.addActionListener(e -> window.setDark(dark.isSelected()));
        view.add(dark);
        view.addSeparator();
        for (int i = 0; i < MainWindow.TABS.length; i++) {
            int index = i;
            view.add(item(MainWindow.TABS[i], KeyStroke.getKeyStroke(KeyEvent.VK_1 + i, CTRL), e -> window.showTab(index)));
        }

        JMenu help = menu("Help", KeyEvent.VK_H);
        help.add(item("Keys and where things are", KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), e -> Dialogs.info(window, "DigitLoop keys",
                "<b>Review:</b> 0–9 label · Enter accepts the model's guess · S skips · Backspace or Ctrl+Z undoes<br>"
                        + "<b>Draw:</b> Esc clears the page · Alt+S several digits on or off<br>"
                        + "<b>Generate:</b> 0–9 draws that digit<br>"
                        + "<b>Everywhere:</b> Ctrl+1…5 switch tabs · Ctrl+Enter starts training · F5 evaluates · Ctrl+K evaluates on a Kaggle CSV · "
                        + "Ctrl+R retrains · "
                        + "Ctrl+Shift+D dark theme<br><br>"
                        + "The user guide is docs/user-guide.md; details of any error are in " + Dialogs.escape(RunLog.describe()) + "; your labels are in "
                        + window.workspaceJournal() + ".")));
        help.add(item("About DigitLoop", null, e -> Dialogs.info(window, "About DigitLoop",
                "DigitLoop: handwritten digits with a human in the loop.<br>DeepLearning4j, FlatLaf, JFreeChart.")));
        bar.add(file);
        bar.add(model);
        bar.add(view);
        bar.add(help);
        return bar;
    }

    private static JMenu menu(String name, int mnemonic) {
        JMenu m = new JMenu(name);
        m.setMnemonic(mnemonic);
        return m;
    }

    private static JMenuItem item(String name, KeyStroke key, Consumer<ActionEvent> action) {
        JMenuItem item = new JMenuItem(name);
        if (key != null) item.setAccelerator(key);
        item.addActionListener(action::accept);
        return item;
    }
}
