package digitloop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads back the sample ids of a CSV that {@code find-label-issues} wrote (its "id" column). */
final class IssueCsv {
    private IssueCsv() {
    }

    static Set<Integer> ids(Path csv) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + csv + " (write it with find-label-issues --split train --out FILE)");
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(csv + " is empty: expected find-label-issues' CSV with an id column");
        int column = List.of(lines.get(0).split(",")).indexOf("id");
        if (column < 0) throw new IllegalArgumentException(csv + " has no id column in its first line: expected find-label-issues' CSV");
        Set<Integer> ids = new LinkedHashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] f = lines.get(i).split(",");
            try {
                ids.add(Integer.parseInt(f[column].trim()));
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": the id is not a whole number: " + lines.get(i));
            }
        }
        return ids;
    }
}
