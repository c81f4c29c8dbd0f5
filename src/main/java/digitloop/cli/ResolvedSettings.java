package digitloop.cli;

import digitloop.files.SettingsFiles;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What one command runs with after the layers are applied: each option's key, value and where the value
 * came from. {@code --print-config} prints it as a properties file, grouped by source, so the output
 * can be kept as a recipe; {@code train} records it in the model's sidecar.
 */
record ResolvedSettings(String command, List<Entry> entries, List<String> layers) {
    static final String COMMAND_LINE = "command line";
    static final String DEFAULT = "built-in default";

    /** {@code value} null: not set (no default, nothing given). */
    record Entry(String key, String value, String source, boolean required) {
    }

    static ResolvedSettings of(CommandSpec spec, LayeredDefaults defaults) {
        List<Entry> entries = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            String key = LayeredDefaults.key(o);
            if (key == null) continue;
            SettingsFiles.Found found = defaults.source(o);
            String source = LayeredDefaults.givenOnCommandLine(o) ? COMMAND_LINE : found != null ? found.layer().label() : DEFAULT;
            // A file's text rather than the converted value: after a missing required option picocli has not applied them all.
            entries.add(new Entry(key, found != null ? found.value() : text(o.getValue()), source, o.required()));
        }
        entries.sort(java.util.Comparator.comparing(Entry::key));
        List<String> layers = new ArrayList<>();
        layers.add(COMMAND_LINE);
        defaults.files().layers().forEach(l -> layers.add(l.label()));
        layers.add(DEFAULT);
        return new ResolvedSettings(LayeredDefaults.commandPath(spec), entries, layers);
    }

    private static String text(Object value) {
        if (value == null) return null;
        if (value instanceof Collection<?> c) return c.stream().map(String::valueOf).collect(Collectors.joining(","));
        return String.valueOf(value);
    }

    /** Key → value of the settings that have one, sorted. */
    Map<String, String> values(Collection<String> leaveOut) {
        Map<String, String> m = new TreeMap<>();
        for (Entry e : entries) if (e.value() != null && !leaveOut.contains(e.key())) m.put(e.key(), e.value());
        return m;
    }

    /** Key → where its value came from, for the same settings as {@link #values}. */
    Map<String, String> sources(Collection<String> leaveOut) {
        Map<String, String> m = new TreeMap<>();
        for (Entry e : entries) if (e.value() != null && !leaveOut.contains(e.key())) m.put(e.key(), e.source());
        return m;
    }

    /** A properties file: one comment line per source, then its keys; unset settings as comments. */
    void print(PrintStream out) {
        out.println("# Settings of '" + command + "', highest layer first: " + String.join(" > ", layers));
        Map<String, List<Entry>> bySource = new LinkedHashMap<>();
        for (String layer : layers) bySource.put(layer, new ArrayList<>());
        for (Entry e : entries) bySource.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e);
        for (Map.Entry<String, List<Entry>> group : bySource.entrySet()) {
            out.println("# from " + group.getKey() + (group.getValue().isEmpty() ? ": nothing" : ""));
            for (Entry e : group.getValue()) {
                if (e.value() != null) {
                    out.println(escape(e.key()) + "=" + escapeValue(e.value()));
                } else {
                    out.println("#" + e.key() + "=" + (e.required() ? "    (required, not set)" : "    (not set)"));
                }
            }
        }
    }

    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=").replace(" ", "\\ ");
    }

    private static String escapeValue(String value) {
        // Properties treats a backslash as an escape (a Windows path); a leading blank would be dropped.
        String v = value.replace("\\", "\\\\");
        return v.startsWith(" ") ? "\\" + v : v;
    }
}
