package uk.carenav.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record of the packaged library's files that passed every check when the application was built.
 *
 * <p>The checks that hear every phrasing through a match index and score every model answer take most of the
 * time the library needs to load (about 10 s for 72 scenarios on two cores). The build runs them once
 * ({@link #main}, in Maven's {@code process-classes} phase) and writes, for each scenario file that passed, a
 * content key: a SHA-256 of the whole catalogue and of the file's bytes. When the application starts, a file
 * whose key is in the record is not checked again: the same bytes against the same catalogue give the same
 * result. Any other file (an external folder's, an edited copy, any file once the catalogue changes) is checked
 * in full. {@code validate} never uses the record.
 */
public final class BuildCheck {

    /** Where the record travels inside the application, beside the packaged library. */
    public static final String RECORD = LibraryLoader.PACKAGED + "/checked-at-build.txt";

    private BuildCheck() {
    }

    /**
     * Checks the library under {@code outputDir/scenarios} in full and writes the record of the files that passed
     * to {@code outputDir/scenarios/checked-at-build.txt}. Invalid files are listed and left out of the record
     * (the application skips them at start, as it always has); the build goes on.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuildCheck <classes folder holding scenarios/>");
        }
        long start = System.nanoTime();
        Path out = Path.of(args[0]);
        Path library = out.resolve(LibraryLoader.PACKAGED);
        LibraryLoader.Result result = LibraryLoader.loadDirectory(library);
        String catalogue = catalogueHash(LibraryLoader.catalogueFrom(library.resolve("catalogue")));
        List<String> lines = new ArrayList<>();
        lines.add("# Scenario files that passed every check when this build was made: SHA-256 of catalogue and file, then the file.");
        result.sources().values().stream().sorted((a, b) -> a.path().compareTo(b.path()))
                .forEach(f -> lines.add(key(catalogue, f.bytes()) + "  " + packagedPath(f.path())));
        Files.write(out.resolve(RECORD), lines, StandardCharsets.UTF_8);
        result.allProblems().forEach(p -> System.out.println("Not recorded: " + p));
        System.out.printf("Library checked at build: %d of %d scenario files passed every check, in %d ms%n",
                result.sources().size(), result.filesRead(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The keys of the record packaged with the application; empty when there is none (a build without the step). */
    public static Set<String> packagedRecord() {
        try (InputStream in = BuildCheck.class.getClassLoader().getResourceAsStream(RECORD)) {
            return in == null ? Set.of() : keys(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of a record's text. */
    static Set<String> keys(String record) {
        Set<String> keys = new HashSet<>();
        for (String line : record.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.add(line.split("\\s+", 2)[0]);
            }
        }
        return Set.copyOf(keys);
    }

    private static String packagedPath(String path) {
        int at = path.indexOf(LibraryLoader.PACKAGED + "/library/");
        return at < 0 ? path : path.substring(at);
    }

    /** A hash of every catalogue file, by name and content, in the catalogue's own order. */
    static String catalogueHash(Map<String, SourceFile> catalogueFiles) {
        MessageDigest digest = sha256();
        catalogueFiles.forEach((name, file) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sha256().digest(file.bytes()));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The key of one scenario file checked against the catalogue whose hash is {@code catalogueHash}. */
    static String key(String catalogueHash, byte[] file) {
        MessageDigest digest = sha256();
        digest.update(catalogueHash.getBytes(StandardCharsets.UTF_8));
        digest.update(sha256().digest(file));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
