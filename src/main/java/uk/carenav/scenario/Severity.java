package uk.carenav.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How serious a deviation is, as in call audit: Critical, Major, Moderate, Minor. */
public enum Severity {
    CRITICAL, MAJOR, MODERATE, MINOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
