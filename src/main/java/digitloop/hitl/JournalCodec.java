package digitloop.hitl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * One journal line per event, tab-separated, ending in a CRC-32 of the rest, so a line torn by a
 * power cut or a kill is recognised instead of being read as a wrong label.
 */
final class JournalCodec {
    static final String HEADER_PREFIX = "# digitloop label journal v1 dataset=";

    private JournalCodec() {
    }

    static String encode(LabelEvent e) {
        String body = switch (e.kind()) {
            case ANSWER -> String.join("\t", "A", Long.toString(e.timeMillis()), e.fingerprint(), Integer.toString(e.sampleId()),
                    Integer.toString(e.label()), Integer.toString(e.modelGuess()),
                    String.format(Locale.ROOT, "%.5f", e.guessProbability()), e.strategy());
            case DRAWING -> String.join("\t", "D", Long.toString(e.timeMillis()), e.fingerprint(), Integer.toString(e.sampleId()),
                    Integer.toString(e.label()), Integer.toString(e.modelGuess()),
                    String.format(Locale.ROOT, "%.5f", e.guessProbability()), pixelsToText(e.pixels()), e.strategy());
            case REVIEW -> String.join("\t", "L", Long.toString(e.timeMillis()), e.fingerprint(), Integer.toString(e.sampleId()),
                    Integer.toString(e.label()), Integer.toString(e.modelGuess()),
                    String.format(Locale.ROOT, "%.5f", e.guessProbability()), e.strategy(), Integer.toString(e.given()));
            case RETRACTION -> String.join("\t", "R", Long.toString(e.timeMillis()), e.fingerprint(), Integer.toString(e.sampleId()));
        };
        return body + "\t" + crc(body) + "\n";
    }

    static String encode(QueueSnapshot q) {
        StringBuilder ids = new StringBuilder();
        for (int id : q.sampleIds()) ids.append(ids.length() == 0 ? "" : " ").append(id);
        String body = String.join("\t", "Q", Long.toString(q.timeMillis()), q.strategy(), ids.toString());
        return body + "\t" + crc(body) + "\n";
    }

    /** The queue snapshot on this line, or null when it is not a whole, undamaged queue line. */
    static QueueSnapshot decodeQueue(String line) {
        if (!line.startsWith("Q\t")) return null;
        String body = checkedBody(line);
        if (body == null) return null;
        String[] f = body.split("\t", -1);
        try {
            java.util.List<Integer> ids = new java.util.ArrayList<>();
            if (!f[3].isBlank()) for (String id : f[3].split(" ")) ids.add(Integer.parseInt(id));
            return new QueueSnapshot(Long.parseLong(f[1]), f[2], ids);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** The line without its checksum, or null when the checksum does not match (a torn or edited line). */
    private static String checkedBody(String line) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0) return null;
        String body = line.substring(0, tab);
        return crc(body).equals(line.substring(tab + 1)) ? body : null;
    }

    /** The event on this line, or null when the line is torn or damaged. */
    static LabelEvent decode(String line) {
        String body = checkedBody(line);
        if (body == null) return null;
        String[] f = body.split("\t", -1);
        try {
            return switch (f[0]) {
                case "A" -> new LabelEvent(LabelEvent.Kind.ANSWER, Long.parseLong(f[1]), f[2], Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), Integer.parseInt(f[5]), Float.parseFloat(f[6]), f[7], null);
                case "D" -> new LabelEvent(LabelEvent.Kind.DRAWING, Long.parseLong(f[1]), f[2], Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), Integer.parseInt(f[5]), Float.parseFloat(f[6]),
                        // Lines written before own images came have no source field: they are canvas drawings.
                        f.length > 8 ? f[8] : LabelJournal.DRAWING_SOURCE, textToPixels(f[7]));
                // Added with the suspicious-labels queue; journals written before it have no such line.
                case "L" -> new LabelEvent(LabelEvent.Kind.REVIEW, Long.parseLong(f[1]), f[2], Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), Integer.parseInt(f[5]), Float.parseFloat(f[6]), f[7], null, Integer.parseInt(f[8]));
                case "R" -> new LabelEvent(LabelEvent.Kind.RETRACTION, Long.parseLong(f[1]), f[2], Integer.parseInt(f[3]),
                        -1, -1, 0f, "", null);
                default -> null;
            };
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    /** 784 pixels as bytes in base64: about 1 KB a drawing. */
    static String pixelsToText(float[] pixels) {
        byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) bytes[i] = (byte) Math.round(Math.max(0, Math.min(1, pixels[i])) * 255);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static float[] textToPixels(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        float[] pixels = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) pixels[i] = (bytes[i] & 0xff) / 255f;
        return pixels;
    }
}
