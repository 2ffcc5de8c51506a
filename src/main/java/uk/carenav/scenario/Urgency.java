package uk.carenav.scenario;

import java.util.Arrays;
import java.util.Optional;

/** How soon a caller must be seen, most urgent first. The order is what over- and under-triage compare. */
public enum Urgency {
    EMERGENCY("emergency", "emergency, now"),
    SAME_DAY("same-day", "same day"),
    WITHIN_DAYS("within-days", "within days"),
    ROUTINE("routine", "routine, within 2 weeks"),
    SELF_CARE("self-care", "self-care");

    private final String code;
    private final String label;

    Urgency(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As written in scenario files, e.g. "same-day". */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** True when this is more urgent than {@code other}. */
    public boolean moreUrgentThan(Urgency other) {
        return ordinal() < other.ordinal();
    }

    public static Optional<Urgency> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Urgency::code).toList());
    }
}
