package digitloop.ui;

import java.util.prefs.Preferences;

/** The app's preferences, under one root node; each panel reads and writes its own keys. */
public final class AppPrefs {
    private final Preferences root;

    /** Preferences under {@code root}, e.g. a throwaway node for tests. */
    public AppPrefs(Preferences root) {
        this.root = root;
    }

    /** The person's preferences (node {@code digitloop}, or the one named by -Ddigitloop.prefsNode). */
    public static AppPrefs user() {
        String node = System.getProperty("digitloop.prefsNode", "digitloop");
        return new AppPrefs(Preferences.userRoot().node(node));
    }

    public boolean dark() { return root.getBoolean("ui.dark", false); }

    public void setDark(boolean dark) { root.putBoolean("ui.dark", dark); }

    public int[] windowBounds() {
        return new int[] {root.getInt("window.x", -1), root.getInt("window.y", -1),
                root.getInt("window.w", 1280), root.getInt("window.h", 860)};
    }

    public void setWindowBounds(int x, int y, int w, int h) {
        root.putInt("window.x", x);
        root.putInt("window.y", y);
        root.putInt("window.w", w);
        root.putInt("window.h", h);
    }

    /** The model file used last; blank when none was chosen yet. */
    public String lastModel() { return root.get("model.last", ""); }

    public void setLastModel(String path) { root.put("model.last", path); }

    public boolean maximized() { return root.getBoolean("window.maximized", false); }

    public void setMaximized(boolean maximized) { root.putBoolean("window.maximized", maximized); }

    public int selectedTab() { return root.getInt("ui.tab", 0); }

    public void setSelectedTab(int tab) { root.putInt("ui.tab", tab); }
}
