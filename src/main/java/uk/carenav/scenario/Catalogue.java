package uk.carenav.scenario;

import java.util.List;
import java.util.Map;

/**
 * The shared lists scenarios refer to: routes, red flags, safety-netting steps, distractor questions
 * and competencies. Maps keep the file order.
 */
public record Catalogue(Map<String, Route> routes, Map<String, RedFlag> redFlags,
        Map<String, SafetyNetStep> safetyNetting, Map<String, Distractor> distractors,
        Map<String, Competency> competencies) {

    /** Where a navigator can send a caller; {@code eligibility} is null for a route open to everyone. */
    public record Route(String id, String name, Urgency urgency, String timeframe, String forWhom,
            boolean selfReferral, Eligibility eligibility) {
    }

    /** A warning sign, how callers say it, how to screen for it and what to do. */
    public record RedFlag(String id, String category, String name, List<String> callerWords, String screenQuestion,
            String action, String routeId, Source source) {
    }

    /** A safety-netting step, worded as a navigator would say it. */
    public record SafetyNetStep(String id, String name, String wording) {
    }

    /** A question a navigator should not ask: irrelevant or intrusive. */
    public record Distractor(String id, String text, String kind, Severity severity, String answer, String feedback) {
    }

    /** One competency of the care navigation framework. */
    public record Competency(String id, int tier, String domain, String title, String description) {
    }

    /** Public guidance a scenario or red flag follows. */
    public record Source(String title, String url) {
    }
}
