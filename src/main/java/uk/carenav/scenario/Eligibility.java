package uk.carenav.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who a route is for, as conditions over the patient facts of a scenario variant (see {@link Fact}).
 * A route is open to a patient when one of its pathways fits: the pathway's {@code condition} (when it
 * names one) is the variant's {@code condition}, and every criterion holds. A route without
 * eligibility in the catalogue is open to everyone.
 *
 * @param routeName the route's name, for messages
 * @param pathways the ways in; Pharmacy First has one per clinical pathway
 * @param source the public guidance the criteria follow
 */
public record Eligibility(String routeName, List<Pathway> pathways, Catalogue.Source source) {

    /** The patient facts eligibility can test, with the words a debrief uses for them. */
    public enum Fact {
        AGE("age", null, null, null, null),
        SEX("sex", null, null, null, null),
        PREGNANT("pregnant", "pregnant", "not pregnant", "is pregnant", "is not pregnant"),
        RECURRENT("recurrent", "a recurrent infection", "not a recurrent infection", "has had it again and again",
                "has not had it repeatedly"),
        IMMUNOSUPPRESSED("immunosuppressed", "severely immunosuppressed", "not severely immunosuppressed",
                "is severely immunosuppressed", "is not severely immunosuppressed"),
        CATHETER("catheter", "with a urinary catheter", "no urinary catheter", "has a urinary catheter",
                "has no urinary catheter"),
        BREASTFEEDING("breastfeeding", "breastfeeding", "not breastfeeding", "is breastfeeding", "is not breastfeeding"),
        BITTEN_ABROAD("bitten_abroad", "bitten or stung abroad", "not bitten or stung abroad",
                "was bitten or stung abroad", "was not bitten or stung abroad"),
        BULLOUS("bullous", "bullous (blistering) impetigo", "not bullous (blistering) impetigo",
                "has bullous (blistering) impetigo", "does not have bullous impetigo");

        private final String key;
        private final String ifTrue;
        private final String ifFalse;
        private final String patientTrue;
        private final String patientFalse;

        Fact(String key, String ifTrue, String ifFalse, String patientTrue, String patientFalse) {
            this.key = key;
            this.ifTrue = ifTrue;
            this.ifFalse = ifFalse;
            this.patientTrue = patientTrue;
            this.patientFalse = patientFalse;
        }

        /** As written in scenario and catalogue files. */
        public String key() {
            return key;
        }

        public static Optional<Fact> fromKey(String key) {
            for (Fact f : values()) {
                if (f.key.equals(key)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        public static List<String> keys() {
            return Arrays.stream(values()).map(Fact::key).toList();
        }
    }

    /**
     * One test on one fact: an age range ({@code min}/{@code max}, either may be null), a sex
     * ({@code value} "female" or "male") or a yes/no fact ({@code value} "true" or "false").
     */
    public record Criterion(Fact fact, Integer min, Integer max, String value) {

        /** Null when the fact is missing from {@code facts}. */
        Boolean holds(Map<String, String> facts) {
            String v = facts.get(fact.key());
            if (v == null) {
                return null;
            }
            if (fact == Fact.AGE) {
                int age = Integer.parseInt(v);
                return (min == null || age >= min) && (max == null || age <= max);
            }
            return value.equals(v);
        }

        /** "aged 1 to 17", "not pregnant", "female". */
        public String words() {
            if (fact == Fact.AGE) {
                return min != null && max != null ? "aged " + min + " to " + max
                        : min != null ? "aged " + min + " or over" : "aged " + max + " or under";
            }
            if (fact == Fact.SEX) {
                return value;
            }
            return value.equals("true") ? fact.ifTrue : fact.ifFalse;
        }

        /** What the patient is: "is 19", "is pregnant". */
        String patient(Map<String, String> facts) {
            String v = facts.get(fact.key());
            if (fact == Fact.AGE || fact == Fact.SEX) {
                return "is " + v;
            }
            return v.equals("true") ? fact.patientTrue : fact.patientFalse;
        }
    }

    /** One way in: for a named condition (or any, when null), when every criterion holds. */
    public record Pathway(String condition, String name, List<Criterion> criteria) {
    }

    /**
     * Why the patient is not eligible, in words, or empty when eligible. Facts the criteria need but
     * the variant does not state count as not met; {@link #missingFacts} lists them for authors.
     */
    public Optional<String> whyNot(Map<String, String> facts) {
        String condition = facts.get("condition");
        List<String> reasons = new ArrayList<>();
        boolean anyForCondition = false;
        for (Pathway p : pathways) {
            if (p.condition() != null && !p.condition().equals(condition)) {
                continue;
            }
            anyForCondition = true;
            List<String> failed = new ArrayList<>();
            for (Criterion c : p.criteria()) {
                Boolean holds = c.holds(facts);
                if (holds == null) {
                    failed.add("the scenario does not say whether the patient is " + c.words());
                } else if (!holds) {
                    failed.add("this patient " + c.patient(facts));
                }
            }
            if (failed.isEmpty()) {
                return Optional.empty();
            }
            reasons.add(routeName + (p.name() == null ? "" : " for " + p.name()) + " is only for patients "
                    + String.join(", ", p.criteria().stream().map(Criterion::words).toList()) + ", and "
                    + String.join(" and ", failed) + ".");
        }
        if (!anyForCondition) {
            List<String> names = pathways.stream().map(Pathway::name).filter(n -> n != null).toList();
            return Optional.of(routeName + " covers only " + String.join(", ", names) + ", and this call is about none of them.");
        }
        return Optional.of(String.join(" ", reasons));
    }

    /** The facts the criteria of the pathways that apply to the variant need but the variant does not state. */
    public List<String> missingFacts(Map<String, String> facts) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        String condition = facts.get("condition");
        for (Pathway p : pathways) {
            if (p.condition() != null && !p.condition().equals(condition)) {
                continue;
            }
            for (Criterion c : p.criteria()) {
                if (!facts.containsKey(c.fact().key())) {
                    out.put(c.fact().key(), true);
                }
            }
        }
        return List.copyOf(out.keySet());
    }
}
