package digitloop.ui;

import digitloop.canvas.DigitReading;
import digitloop.canvas.NumberReading;
import digitloop.overlay.BoxPainter;
import java.awt.Color;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Locale;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** The Draw tab's reading of several digits: the number in large type, each digit's answer and time, the total time. */
final class NumberView extends JPanel {
    static final String BLANK = "–";

    private final JLabel number = new JLabel(BLANK);
    private final JLabel verdict = new JLabel(" ");
    private final JLabel digits = new JLabel(" ");
    private final JLabel timing = new JLabel(" ");

    NumberView() {
        super(new GridBagLayout());
        setName("numberView");
        number.setName("drawNumber");
        verdict.setName("drawNumberVerdict");
        digits.setName("drawNumberDigits");
        timing.setName("drawNumberTiming");
        number.setFont(number.getFont().deriveFont(Font.BOLD, 56f));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(0, 0, 6, 0);
        add(new JLabel("Number"), c);
        add(number, c);
        add(verdict, c);
        add(digits, c);
        add(timing, c);
    }

    void showBlank(String why) {
        number.setText(BLANK);
        verdict.setText(why);
        digits.setText(" ");
        timing.setText(" ");
    }

    void show(NumberReading r, double endToEndMillis) {
        if (r.isBlank()) {
            showBlank("No digit found on the page.");
            return;
        }
        number.setText(r.number());
        long unsure = r.digits().stream().filter(d -> !d.answered()).count();
        verdict.setText(unsure == 0 ? r.digits().size() + (r.digits().size() == 1 ? " digit, answered" : " digits, all answered")
                : String.format(Locale.ROOT, "%d of %d digits not sure, shown as %c", unsure, r.digits().size(), NumberReading.NOT_SURE));
        digits.setText(table(r));
        timing.setText(String.format(Locale.ROOT, "%.1f ms to find, normalise and predict the %d digits · %.0f ms from stroke to screen",
                r.ms(), r.digits().size(), endToEndMillis));
    }

    /** A column per digit, in the colours of its box: the answer, its probability, its time to predict. */
    private static String table(NumberReading r) {
        StringBuilder s = new StringBuilder("<html><table cellspacing='0' cellpadding='2'><tr>");
        for (DigitReading d : r.digits()) {
            s.append(String.format(Locale.ROOT, "<td align='center' style='padding-right: 10px'><b><font color='%s'>%s</font></b>"
                    + "<br>%.1f %%<br>%.1f ms</td>", hex(BoxPainter.colour(d.prediction().verdict())),
                    d.answered() ? String.valueOf(d.label()) : d.prediction().bestGuess() + "?", d.probability() * 100, d.ms()));
        }
        return s.append("</tr></table></html>").toString();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    String numberText() { return number.getText(); }
}
