package uk.carenav.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The shared lists scenarios refer to: routes, red flags, safety-netting steps, distractor questions
 * and competencies, and the groups of words that mean the same to a caller ({@code synonyms.yaml}; the first
 * word of a group is the one the others are read as), and the phone small talk a call hears as nothing ({@code small-talk.yaml}:
 * "bear with me", "thanks for holding"). Maps keep the file order.
 */
public record Catalogue(Map<String, Route> routes, Map<String, RedFlag> redFlags,
        Map<String, SafetyNetStep> safetyNetting, Map<String, Distractor> distractors,
        Map<String, Competency> competencies, List<List<String>> synonyms, List<String> smallTalk) {

    /**
     * Where a navigator can send a caller; {@code eligibility} is null for a route open to everyone.
     * {@code whenClosedOnly} marks a route for when the practice is closed (NHS 111): an in-hours scenario may not
     * list it as correct or acceptable. {@code queueOnly} marks a way of ending a call that exists only with a
     * queue of callers waiting (a call-back from reception, offered in a shift): it is not a service and is never
     * offered on a single call. A scenario that does not list it grades it as a safe choice for a routine need and
     * under-triage for anything more urgent (see the scoring engine).
     */
    /** The routes that are services a caller can be sent to: every route but the queue-only ones (a call-back). */
    public Collection<Route> services() {
        return routes.values().stream().filter(r -> !r.queueOnly()).toList();
    }

    public record Route(String id, String name, Urgency urgency, String timeframe, String forWhom,
            boolean selfReferral, Eligibility eligibility, boolean whenClosedOnly, boolean queueOnly) {
    }

    /**
     * A warning sign, how callers say it, how to screen for it and what to do. {@code phrasings} are other
     * ways a navigator asks the screen question, shared by every scenario that screens for it.
     */
    public record RedFlag(String id, String category, String name, List<String> callerWords, String screenQuestion,
            String action, String routeId, Source source, List<String> phrasings) {
    }

    /** A safety-netting step, worded as a navigator would say it, and other ways of saying it. */
    public record SafetyNetStep(String id, String name, String wording, List<String> phrasings) {
    }

    /** A question a navigator should not ask: irrelevant or intrusive. */
    public record Distractor(String id, String text, String kind, Severity severity, String answer, String feedback,
            List<String> phrasings) {
    }

    /** One competency of the care navigation framework. */
    public record Competency(String id, int tier, String domain, String title, String description) {
    }

    /** Public guidance a scenario or red flag follows. */
    public record Source(String title, String url) {
    }
}
