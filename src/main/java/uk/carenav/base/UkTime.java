package uk.carenav.base;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Time as an English NHS service shows it: Europe/London (GMT or BST as the date requires), whatever zone
 * the server runs in, with UK dates (dd/MM/yyyy). The application's {@code Clock} runs in this zone too.
 */
public final class UkTime {

    /** Europe/London. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** 07/12/2026. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);

    /** 07/12/2026 14:05. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    private UkTime() {
    }

    /** The London date of an instant, as dd/MM/yyyy. */
    public static String date(Instant at) {
        return DATE.format(at.atZone(ZONE));
    }

    /** The London date and time of an instant, as dd/MM/yyyy HH:mm. */
    public static String dateTime(Instant at) {
        return DATE_TIME.format(at.atZone(ZONE));
    }
}
