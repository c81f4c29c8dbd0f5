package digitloop.data;

/**
 * One file of a dataset: its name in the dataset folder (without {@code .gz}) and the MD5 of its
 * uncompressed bytes, which a fetched copy must match before it is moved into place.
 */
public record DatasetFile(String name, String md5) {
    public DatasetFile {
        if (name == null || name.isBlank() || name.endsWith(".gz")) {
            throw new IllegalArgumentException("a dataset file name without .gz is needed, got " + name);
        }
        if (md5 == null || !md5.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("an MD5 is 32 lower-case hex digits, got " + md5);
        }
    }

    /** The gzip variant of the name, which the store accepts in place of the raw file. */
    public String gzName() {
        return name + ".gz";
    }
}
