package digitloop.hitl;

import digitloop.files.AtomicWrite;
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
import java.util.Set;
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
    /** The source a canvas drawing's line records. */
    static final String DRAWING_SOURCE = "drawing";

    private final Path file;
    private final String fingerprint;
    private final FileChannel channel;
    private final FileLock lock;
    /** Events still in force, oldest first: what undo walks back through. */
    private final List<LabelEvent> effective = new ArrayList<>();
    private int skippedLines;
    private int nextDrawingId = -1;
    private QueueSnapshot lastQueue;

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
        boolean existed = Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new JournalLockedException("The label journal " + file + " is open in another DigitLoop window or process; "
                    + "close that one first (two writers would interleave labels).");
        }
        LabelJournal journal = new LabelJournal(file, datasetFingerprint, channel, lock);
        try {
            // A new file's name lives in its folder: sync the folder too, or a power cut can lose the whole journal.
            if (!existed) syncFolder(parent);
            journal.replay();
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    private static void syncFolder(Path folder) {
        AtomicWrite.syncFolder(folder);
    }

    private void replay() throws IOException {
        channel.position(0);
        byte[] bytes = readAll();
        // Work on bytes: a torn line may end inside a multi-byte character, which decoding would change in length.
        int whole = lastNewline(bytes) + 1;
        if (whole < bytes.length) {
            log.warn("Label journal {}: skipped a torn last line ({} bytes), written when the app stopped mid-write", file,
                    bytes.length - whole);
            skippedLines++;
            channel.truncate(whole);
            channel.force(false);
        }
        String text = new String(bytes, 0, whole, StandardCharsets.UTF_8);
        channel.position(whole);
        if (text.isEmpty()) {
            // New, or only a torn header from a kill during the very first write.
            append(JournalCodec.HEADER_PREFIX + fingerprint + "\n");
            return;
        }
        String[] lines = text.split("\n");
        String header = lines[0];
        if (!header.startsWith(JournalCodec.HEADER_PREFIX)) {
            throw new IOException(file + " is not a DigitLoop label journal (its first line is not the journal header); "
                    + "choose another file or move this one away.");
        }
        String written = header.substring(JournalCodec.HEADER_PREFIX.length()).trim();
        if (!written.equals(fingerprint)) {
            throw new JournalMismatchException("The label journal " + file + " belongs to another dataset (fingerprint " + written
                    + ", this one is " + fingerprint + "); its sample ids would point at the wrong images. Use a new journal file.");
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) continue;
            if (line.startsWith("Q\t")) {
                QueueSnapshot queue = JournalCodec.decodeQueue(line);
                if (queue != null) {
                    lastQueue = queue;
                    continue;
                }
            } else {
                LabelEvent event = JournalCodec.decode(line);
                if (event != null) {
                    apply(event);
                    continue;
                }
            }
            log.warn("Label journal {}: skipped a damaged line {}: {}", file, i + 1,
                    line.length() > 60 ? line.substring(0, 60) + "..." : line);
            skippedLines++;
        }
    }

    private byte[] readAll() throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) throw new IOException("the label journal " + file + " is too large to read (" + size + " bytes)");
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading until full or end of file
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) if (bytes[i] == '\n') return i;
        return -1;
    }

    private void apply(LabelEvent event) {
        switch (event.kind()) {
            case ANSWER, DRAWING, REVIEW -> {
                effective.add(event);
                if (event.kind() == LabelEvent.Kind.DRAWING && event.sampleId() < 0) nextDrawingId = Math.min(nextDrawingId, event.sampleId() - 1);
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

    /**
     * Serialises writers. The fsync behind every write can take hundreds of milliseconds on a busy
     * disk, so it runs under this lock and not under {@code this}: readers (the Review tab's counters,
     * on the EDT) only ever wait for the in-memory state. Order: writeLock, then this.
     */
    private final Object writeLock = new Object();

    /** Records a person's label for a pool sample; returns once it is on disk. */
    public LabelEvent answer(int sampleId, int label, int modelGuess, float guessProbability, String strategy)
            throws IOException {
        checkLabel(label);
        LabelEvent e = new LabelEvent(LabelEvent.Kind.ANSWER, System.currentTimeMillis(), fingerprint, sampleId, label,
                modelGuess, guessProbability, strategy.replace('\t', ' '), null);
        write(e);
        return e;
    }

    /**
     * Records the label of one of the person's own images ({@link OwnImages}) with its pixels, so it
     * trains the model even when its folder is gone; its id stays its own, so the queue skips it next time.
     */
    public LabelEvent teachOwnImage(int sampleId, float[] pixels28, int label, int modelGuess, float guessProbability, String fileName)
            throws IOException {
        checkLabel(label);
        if (!OwnImages.isOwnImage(sampleId)) throw new IllegalArgumentException("not an own image's id: " + sampleId);
        if (pixels28.length != 784) throw new IllegalArgumentException("an image is 28x28 = 784 pixels, got " + pixels28.length);
        LabelEvent e = new LabelEvent(LabelEvent.Kind.DRAWING, System.currentTimeMillis(), fingerprint, sampleId, label, modelGuess,
                guessProbability, "own image " + fileName.replace('\t', ' ').replace('\n', ' '), pixels28.clone());
        write(e);
        return e;
    }

    /** Records a drawing from the canvas with its right label, as a new training sample. */
    public LabelEvent teachDrawing(float[] pixels28, int label, int modelGuess, float guessProbability) throws IOException {
        checkLabel(label);
        if (pixels28.length != 784) throw new IllegalArgumentException("a drawing is 28x28 = 784 pixels, got " + pixels28.length);
        synchronized (writeLock) {
            int id;
            synchronized (this) {
                id = nextDrawingId--;
            }
            LabelEvent e = new LabelEvent(LabelEvent.Kind.DRAWING, System.currentTimeMillis(), fingerprint, id, label,
                    modelGuess, guessProbability, DRAWING_SOURCE, pixels28.clone());
            write(e);
            return e;
        }
    }

    /**
     * Takes back the most recent answer or drawing still in force; returns it, or null when there is
     * none. Suspicious-label reviews have their own undo ({@link #undoReview}): Backspace in the pool's
     * queue never takes back a decision made in the other queue.
     */
    public LabelEvent undo() throws IOException {
        synchronized (writeLock) {
            LabelEvent last = null;
            synchronized (this) {
                for (int i = effective.size() - 1; i >= 0 && last == null; i--) {
                    LabelEvent e = effective.get(i);
                    if (e.kind() != LabelEvent.Kind.REVIEW) last = e;
                    else if (effective.subList(0, i).stream().anyMatch(r -> r.kind() != LabelEvent.Kind.REVIEW && r.sampleId() == e.sampleId())) {
                        // A retraction removes the newest event of its sample: here that would be this review, not the answer.
                        return null;
                    }
                }
                if (last == null) return null;
            }
            write(new LabelEvent(LabelEvent.Kind.RETRACTION, System.currentTimeMillis(), fingerprint, last.sampleId(), -1, -1, 0f, "", null));
            return last;
        }
    }

    /**
     * Records a person's decision on a given label the suspicious-labels queue showed: {@code label}
     * equal to {@code given} keeps it, another digit corrects it, {@link LabelEvent#UNCLEAR} marks the
     * image as not a clear digit. Returns once it is on disk.
     */
    public LabelEvent review(int sampleId, int given, int label, int suggested, float suggestedProbability, String method)
            throws IOException {
        checkLabel(given);
        if (label != LabelEvent.UNCLEAR) checkLabel(label);
        LabelEvent e = new LabelEvent(LabelEvent.Kind.REVIEW, System.currentTimeMillis(), fingerprint, sampleId, label, suggested,
                suggestedProbability, method.replace('\t', ' '), null, given);
        write(e);
        return e;
    }

    /**
     * Takes back the most recent review still in force, leaving answers and drawings alone; returns it,
     * or null when there is none (or a later answer for the same sample would be retracted instead).
     */
    public LabelEvent undoReview() throws IOException {
        synchronized (writeLock) {
            LabelEvent last = null;
            synchronized (this) {
                for (int i = effective.size() - 1; i >= 0 && last == null; i--) {
                    LabelEvent e = effective.get(i);
                    if (e.kind() == LabelEvent.Kind.REVIEW) {
                        last = e;
                    } else if (e.sampleId() >= 0 && effective.subList(0, i).stream().anyMatch(r -> r.kind() == LabelEvent.Kind.REVIEW
                            && r.sampleId() == e.sampleId())) {
                        // A retraction removes the newest event of its sample: here that would be this answer, not the review.
                        return null;
                    }
                }
                if (last == null) return null;
            }
            write(new LabelEvent(LabelEvent.Kind.RETRACTION, System.currentTimeMillis(), fingerprint, last.sampleId(), -1, -1, 0f, "", null));
            return last;
        }
    }

    /** The reviews in force, the newest per sample, by sample id in the order first reviewed. */
    public synchronized Map<Integer, LabelEvent> reviews() {
        Map<Integer, LabelEvent> reviews = new LinkedHashMap<>();
        for (LabelEvent e : effective) if (e.kind() == LabelEvent.Kind.REVIEW) reviews.put(e.sampleId(), e);
        return reviews;
    }

    /** What the reviews change in the data for training: corrected labels, and (with {@code leaveOutUnclear}) the unclear images left out. */
    public digitloop.data.LabelFixes labelFixes(boolean leaveOutUnclear) {
        Map<Integer, Integer> relabel = new LinkedHashMap<>();
        java.util.Set<Integer> leftOut = new java.util.LinkedHashSet<>();
        for (LabelEvent e : reviews().values()) {
            if (e.relabels()) relabel.put(e.sampleId(), e.label());
            else if (e.label() == LabelEvent.UNCLEAR && leaveOutUnclear) leftOut.add(e.sampleId());
        }
        return new digitloop.data.LabelFixes(relabel, leftOut);
    }

    /** Records the queue a person is about to work through, so a reopened journal can resume it. */
    public void recordQueue(String strategy, List<Integer> sampleIds) throws IOException {
        QueueSnapshot q = new QueueSnapshot(System.currentTimeMillis(), strategy.replace('\t', ' '), sampleIds);
        synchronized (writeLock) {
            append(JournalCodec.encode(q));
            synchronized (this) {
                lastQueue = q;
            }
        }
    }

    /** The most recent queue recorded, if any. */
    public synchronized java.util.Optional<QueueSnapshot> lastQueue() {
        return java.util.Optional.ofNullable(lastQueue);
    }

    private void write(LabelEvent e) throws IOException {
        synchronized (writeLock) {
            append(JournalCodec.encode(e));
            synchronized (this) {
                apply(e);
            }
        }
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

    /** Ids of every sample labelled and not undone: pool answers and own images (what a new queue leaves out). */
    public synchronized Set<Integer> labelledIds() {
        Set<Integer> ids = new java.util.LinkedHashSet<>();
        for (LabelEvent e : effective) if (e.kind() == LabelEvent.Kind.ANSWER || e.kind() == LabelEvent.Kind.DRAWING) ids.add(e.sampleId());
        return ids;
    }

    /** Drawings taught and own images labelled, not undone: the labels that carry their own pixels. */
    public synchronized List<LabelEvent> drawings() {
        return effective.stream().filter(e -> e.kind() == LabelEvent.Kind.DRAWING).toList();
    }

    /** Events in force, oldest first. */
    public synchronized List<LabelEvent> events() {
        return Collections.unmodifiableList(new ArrayList<>(effective));
    }

    public synchronized int answeredCount() {
        return (int) effective.stream().filter(e -> e.kind() == LabelEvent.Kind.ANSWER || OwnImages.isOwnImage(e.sampleId())).count();
    }

    /** Answers that differ from the model's guess. */
    public synchronized int corrections() {
        return (int) effective.stream().filter(LabelEvent::corrects).count();
    }

    /** Damaged or torn lines skipped while reading. */
    public int skippedLines() { return skippedLines; }

    public Path file() { return file; }

    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            closeChannel();
        }
    }

    private synchronized void closeChannel() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }
}
