package digitloop.ui;

import digitloop.cli.UserMessages;
import java.awt.Component;
import javax.swing.JOptionPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Errors in plain words for the person, with the details in the log file. */
final class Dialogs {
    private static final Logger log = LoggerFactory.getLogger(Dialogs.class);

    private Dialogs() {
    }

    static void error(Component parent, String what, Throwable e) {
        log.error(what, e);
        JOptionPane.showMessageDialog(parent, "<html><b>" + what + "</b><br><br>" + escape(UserMessages.of(e))
                + "<br><br><small>Details are in logs/digitloop.log.</small></html>", "DigitLoop", JOptionPane.ERROR_MESSAGE);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
