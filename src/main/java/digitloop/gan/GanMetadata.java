package digitloop.gan;

import java.util.List;
import java.util.Map;

/**
 * What a generator file says about itself (inside the zip and as its sidecar): the shape, the training
 * settings that rebuild it, each epoch's figures, the seconds trained, the MD5 of the training images, what it
 * was measured to draw (null until measured), the library versions and when it was written.
 */
public record GanMetadata(int formatVersion, String kind, String name, GanSpec spec, GanConfig training,
                          List<GanEpoch> history, double seconds, String trainingDataMd5, GanQuality quality,
                          Map<String, String> versions, String createdAt) {
    public static final int FORMAT_VERSION = 1;
    public static final String KIND = "conditional-gan";

    public GanMetadata {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public GanMetadata withQuality(GanQuality q) {
        return new GanMetadata(formatVersion, kind, name, spec, training, history, seconds, trainingDataMd5, q, versions, createdAt);
    }

    public int epochs() {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
    }
}
