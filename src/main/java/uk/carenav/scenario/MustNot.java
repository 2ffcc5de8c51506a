package uk.carenav.scenario;

import java.util.Arrays;
import java.util.Optional;

/** Things a care navigator must never do on a call; each is a Critical deviation. */
public enum MustNot {
    DIAGNOSING("diagnosing", "Diagnosing"),
    CLINICAL_ADVICE("clinical-advice", "Clinical advice outside the role"),
    DISCLOSURE_WITHOUT_CONSENT("disclosure-without-consent", "Disclosure to a third party without consent"),
    PROMISE_SECRECY("promise-secrecy", "Promising secrecy after a safeguarding disclosure"),
    /**
     * Unsafe or unprofessional practice that is none of the above: a child or family member as interpreter, promising
     * a prescription, judging the caller (clinical review X2, D4).
     */
    UNSAFE_PRACTICE("unsafe-practice", "Unsafe or unprofessional practice");

    private final String code;
    private final String label;

    MustNot(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<MustNot> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(MustNot::code).toList());
    }
}
