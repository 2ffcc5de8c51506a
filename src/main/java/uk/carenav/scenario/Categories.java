package uk.carenav.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scenario categories (folder names under library/), their names for people, and those sign-off requires. */
public final class Categories {

    /** Category code to the name trainees and supervisors see, in the order the library lists them. */
    public static final Map<String, String> LABELS = labels();

    /** The categories a trainee must pass in assessment before sign-off, by default; recommended in this order. */
    public static final List<String> REQUIRED_FOR_SIGN_OFF = List.of("emergency-red-flags", "same-day-urgent",
            "pharmacy-first", "self-referral", "social-prescribing", "mental-health", "safeguarding-confidentiality");

    private Categories() {
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("emergency-red-flags", "Emergency red flags");
        m.put("same-day-urgent", "Same-day urgent");
        m.put("pharmacy-first", "Pharmacy First");
        m.put("self-referral", "Self-referral services");
        m.put("social-prescribing", "Social prescribing");
        m.put("mental-health", "Mental health");
        m.put("safeguarding-confidentiality", "Safeguarding and confidentiality");
        m.put("routine-and-admin", "Routine and admin");
        m.put("hard-calls", "Hard calls");
        return Collections.unmodifiableMap(m);
    }

    /** The name people see for a category code. */
    public static String label(String category) {
        return LABELS.getOrDefault(category, category);
    }
}
