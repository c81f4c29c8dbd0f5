package digitloop.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings one command ran with, by configuration key ({@code train.epochs} → {@code 12}), and
 * where each came from ("command line", "--config /abs/recipe.properties", "user file …",
 * "built-in default"). Written as the keys of a configuration file, so a run can be repeated from it.
 */
public record RunSettings(Map<String, String> values, Map<String, String> sources) {
    @JsonCreator
    public RunSettings {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(values));
        sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
    }
}
