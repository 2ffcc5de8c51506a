package uk.carenav.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Password rules in line with NCSC advice: long enough, not a well-known password, not the username.
 * No composition rules: length does the work.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = loadCommon();

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, or empty when it is. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("This password is on a list of commonly used passwords. Choose another.");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the username.");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("The password repeats too few characters. Choose another.");
        }
        return Optional.empty();
    }

    private static Set<String> loadCommon() {
        var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the organisation package");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
