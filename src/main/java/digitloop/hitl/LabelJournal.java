package digitloop.hitl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record of every label a person gave. Each event is one line, written, flushed
 * and fsynced before the call returns, so an acknowledged label survives a crash or a kill. Undo
 * appends a retraction rather than rewriting history. One process at a time holds the journal
 * (an OS file lock); a second one is refused.
 */
public final class LabelJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LabelJournal.class);

    private final Path file;
    private final String fingerprint;
    private final FileChannel channel;
    private final FileLock lock;
    /** Events still in force, oldest first: what undo walks back through. */
    private final List<LabelEvent> effective = new ArrayList<>();
    private int skippedLines;
    private int nextDrawingId = -1;

    private LabelJournal(Path file, String fingerprint, FileChannel channel, FileLock lock) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens (or creates) the journal for the dataset with this fingerprint and replays it. */
    public static LabelJournal open(Path file, String datasetFingerprint) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new JournalLockedException("The label journal " + file + " is open in another DigitLoop window or process; "
                    + "close that one first (two writers would interleave labels).");
        }
        LabelJournal journal = new LabelJournal(file, datasetFingerprint, channel, lock);
        try {
            journal.replay();
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    private void replay() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            append(JournalCodec.HEADER_PREFIX + fingerprint + "\n");
            return;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean endsWhole = text.endsWith("\n");
        String last = lines.remove(lines.size() - 1);
        if (!endsWhole && !last.isEmpty()) {
            // A torn final line: the write was cut off before it was acknowledged.
            log.warn("Label journal {}: skipped a torn last line ({} bytes), written when the app stopped mid-write", file, last.length());
            skippedLines++;
            channel.truncate(bytes.length - last.getBytes(StandardCharsets.UTF_8).length);
        }
        String header = lines.isEmpty() ? "" : lines.get(0);
        if (!header.startsWith(JournalCodec.HEADER_PREFIX)) {
            throw new IOException(file + " is not a DigitLoop label journal (its first line is not the journal header); "
                    + "choose another file or move this one away.");
        }
        String written = header.substring(JournalCodec.HEADER_PREFIX.length()).trim();
        if (!written.equals(fingerprint)) {
            throw new IOException("The label journal " + file + " belongs to another dataset (fingerprint " + written
                    + ", this one is " + fingerprint + "); its sample ids would point at the wrong images. Use a new journal file.");
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) continue;
            LabelEvent event = JournalCodec.decode(line);
            if (event == null) {
                log.warn("Label journal {}: skipped a damaged line: {}", file, line.length() > 60 ? line.substring(0, 60) + "..." : line);
                skippedLines++;
                continue;
            }
            apply(event);
        }
        channel.position(channel.size());
    }

    private void apply(LabelEvent event) {
        switch (event.kind()) {
            case ANSWER, DRAWING -> {
                effective.add(event);
                if (event.kind() == LabelEvent.Kind.DRAWING) nextDrawingId = Math.min(nextDrawingId, event.sampleId() - 1);
            }
            case RETRACTION -> {
                for (int i = effective.size() - 1; i >= 0; i--) {
                    if (effective.get(i).sampleId() == event.sampleId()) {
                        effective.remove(i);
                        break;
                    }
                }
            }
        }
    }

    /** Records a person's label for a pool sample; returns once it is on disk. */
    public synchronized LabelEvent answer(int sampleId, int label, int modelGuess, float guessProbability, String strategy)
            throws IOException {
        checkLabel(label);
        LabelEvent e = new LabelEvent(LabelEvent.Kind.ANSWER, System.currentTimeMillis(), fingerprint, sampleId, label,
                modelGuess, guessProbability, strategy.replace('\t', ' '), null);
        write(e);
        return e;
    }

    /** Records a drawing from the canvas with its right label, as a new training sample. */
    public synchronized LabelEvent teachDrawing(float[] pixels28, int label, int modelGuess, float guessProbability) throws IOException {
        checkLabel(label);
        if (pixels28.length != 784) throw new IllegalArgumentException("a drawing is 28x28 = 784 pixels, got " + pixels28.length);
        LabelEvent e = new LabelEvent(LabelEvent.Kind.DRAWING, System.currentTimeMillis(), fingerprint, nextDrawingId--, label,
                modelGuess, guessProbability, "drawing", pixels28.clone());
        write(e);
        return e;
    }

    /** Takes back the most recent label still in force; returns it, or null when there is none. */
    public synchronized LabelEvent undo() throws IOException {
        if (effective.isEmpty()) return null;
        LabelEvent last = effective.get(effective.size() - 1);
        write(new LabelEvent(LabelEvent.Kind.RETRACTION, System.currentTimeMillis(), fingerprint, last.sampleId(), -1, -1, 0f, "", null));
        return last;
    }

    private void write(LabelEvent e) throws IOException {
        append(JournalCodec.encode(e));
        apply(e);
    }

    private void append(String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) channel.write(buffer);
        channel.force(false);
    }

    private static void checkLabel(int label) {
        if (label < 0 || label > 9) throw new IllegalArgumentException("a label is a digit 0-9, got " + label);
    }

    /** Labels in force for pool samples, by sample id, in the order given. */
    public synchronized Map<Integer, Integer> effectiveLabels() {
        Map<Integer, Integer> labels = new LinkedHashMap<>();
        for (LabelEvent e : effective) if (e.kind() == LabelEvent.Kind.ANSWER) labels.put(e.sampleId(), e.label());
        return labels;
    }

    /** Drawings taught and not undone. */
    public synchronized List<LabelEvent> drawings() {
        return effective.stream().filter(e -> e.kind() == LabelEvent.Kind.DRAWING).toList();
    }

    /** Events in force, oldest first. */
    public synchronized List<LabelEvent> events() {
        return Collections.unmodifiableList(new ArrayList<>(effective));
    }

    public synchronized int answeredCount() {
        return (int) effective.stream().filter(e -> e.kind() == LabelEvent.Kind.ANSWER).count();
    }

    /** Answers that differ from the model's guess. */
    public synchronized int corrections() {
        return (int) effective.stream().filter(LabelEvent::corrects).count();
    }

    /** Damaged or torn lines skipped while reading. */
    public int skippedLines() { return skippedLines; }

    public Path file() { return file; }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }
}
