package digitloop.ui;

import digitloop.files.RunLog;
import digitloop.task.UserMessages;
import java.awt.Component;
import javax.swing.JOptionPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Errors in plain words for the person, with the details (stack traces) in the log file. */
final class Dialogs {
    private static final Logger log = LoggerFactory.getLogger(Dialogs.class);

    private Dialogs() {
    }

    static void error(Component parent, String what, Throwable e) {
        log.error(what, e);
        JOptionPane.showMessageDialog(parent, "<html><body style='width: 420px'><b>" + escape(what) + "</b><br><br>"
                + escape(UserMessages.of(e)) + "<br><br><small>Details are in " + escape(RunLog.describe()) + ".</small></body></html>",
                "DigitLoop", JOptionPane.ERROR_MESSAGE);
    }

    /** {@code html} is trusted markup (our own text). */
    static void info(Component parent, String title, String html) {
        JOptionPane.showMessageDialog(parent, "<html><body style='width: 420px'>" + html + "</body></html>", title,
                JOptionPane.INFORMATION_MESSAGE);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
