package uk.carenav.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.Scenario.Expected;
import uk.carenav.scenario.Scenario.NoteFact;
import uk.carenav.scenario.Scenario.Question;
import uk.carenav.scenario.Scenario.QuestionKind;
import uk.carenav.scenario.Scenario.RequiredStep;
import uk.carenav.scenario.Severity;
import uk.carenav.scenario.Urgency;

/**
 * Marks one call like a professional call audit. The rubric, segment by segment:
 * <ol>
 * <li><b>Red-flag screening</b>: each must-ask screen is a Critical item, met only when asked before
 * the route was chosen.</li>
 * <li><b>Routing</b>: the final route is graded correct, acceptable (a Minor deduction), over-triage
 * (a Moderate deduction) or under-triage (no points: Critical when the call is emergency or
 * same-day, Major otherwise). An emergency must be routed by the scenario's {@code route_by} point
 * (a Critical item).</li>
 * <li><b>Safety-netting</b>: each required step at its severity.</li>
 * <li><b>Communication and information governance</b>: points for staying within role, less each
 * distractor question at its severity; a must-not statement (diagnosing, clinical advice,
 * disclosure without consent, promising secrecy) is Critical and takes them all.</li>
 * <li><b>Documentation</b>: each key fact found in the note, by its words or a synonym.</li>
 * </ol>
 * Any Critical deviation makes the call Non-compliant whatever its points. Deterministic: the same
 * scenario and transcript always give the same score card.
 */
public final class ScoringEngine {

    private final ScoringPolicy policy;

    public ScoringEngine(ScoringPolicy policy) {
        this.policy = policy;
    }

    public ScoringPolicy policy() {
        return policy;
    }

    /**
     * Scores a transcript against the scenario it was taken from.
     *
     * @throws InvalidTranscriptException when the transcript does not fit the scenario
     */
    public ScoreCard score(Scenario scenario, Catalogue catalogue, Transcript transcript) {
        Call call = Call.of(scenario, catalogue, transcript);
        Expected expected = scenario.expected().get(transcript.variantId());
        String source = scenario.sources().isEmpty() ? "" : sourceText(scenario.sources().get(0));

        Map<Segment, List<Finding>> findings = new EnumMap<>(Segment.class);
        for (Segment s : Segment.values()) {
            findings.put(s, new ArrayList<>());
        }
        redFlagScreening(scenario, catalogue, expected, call, source, findings.get(Segment.RED_FLAG_SCREENING));
        RoutingGrade grade = routing(catalogue, expected, call, source, findings.get(Segment.ROUTING));
        safetyNetting(catalogue, expected, call, source, findings.get(Segment.SAFETY_NETTING));
        communication(scenario, call, source, findings.get(Segment.COMMUNICATION));
        documentation(expected, call, source, findings.get(Segment.DOCUMENTATION));

        List<ScoreCard.SegmentScore> segments = new ArrayList<>();
        int points = 0;
        int possible = 0;
        boolean critical = false;
        for (Segment s : Segment.values()) {
            List<Finding> list = findings.get(s);
            int max = list.stream().mapToInt(Finding::possible).sum();
            int got = Math.max(0, Math.min(max, list.stream().mapToInt(Finding::points).sum()));
            segments.add(new ScoreCard.SegmentScore(s, got, max, List.copyOf(list)));
            points += got;
            possible += max;
            critical |= list.stream().anyMatch(Finding::critical);
        }
        double percentage = possible == 0 ? 100.0 : Math.round(points * 1000.0 / possible) / 10.0;
        ComplianceBand band = critical ? ComplianceBand.NON_COMPLIANT : policy.bandFor(percentage);
        return new ScoreCard(scenario.id(), scenario.version(), transcript.variantId(), List.copyOf(segments), grade,
                call.finalRoute, call.secondsToRoute, call.finalRoute == null ? null : call.questionsBeforeFinalRoute,
                call.confidence, points, possible, percentage, band, band.atLeast(policy.passBand()), critical);
    }

    private void redFlagScreening(Scenario scenario, Catalogue catalogue, Expected expected, Call call, String source,
            List<Finding> out) {
        int w = policy.weight(Severity.CRITICAL);
        for (String q : expected.mustAsk()) {
            Question question = scenario.question(q).orElseThrow();
            Catalogue.RedFlag flag = question.redFlagId() == null ? null : catalogue.redFlags().get(question.redFlagId());
            String item = "Screen: " + (flag != null ? flag.name() : question.text());
            String expectedText = "Ask before choosing a route: \"" + question.text() + "\"";
            String why = question.feedback() != null ? question.feedback()
                    : flag != null ? "This screen finds a red flag that changes the route. " + flag.action()
                    : "This question decides whether the call is safe to route.";
            String src = flag != null ? sourceText(flag.source()) : source;
            if (call.askedBeforeRoute.contains(q)) {
                out.add(new Finding(Segment.RED_FLAG_SCREENING, item, expectedText, "Asked before routing", null, w, w, why, src));
            } else if (call.asked.contains(q)) {
                out.add(new Finding(Segment.RED_FLAG_SCREENING, item, expectedText, "Asked only after choosing the route",
                        Severity.CRITICAL, 0, w, "A screen asked after the decision cannot change it. " + why, src));
            } else {
                out.add(new Finding(Segment.RED_FLAG_SCREENING, item, expectedText, "Not asked", Severity.CRITICAL, 0, w,
                        "Missing a must-ask red-flag screen is a critical deviation. " + why, src));
            }
        }
    }

    private RoutingGrade routing(Catalogue catalogue, Expected expected, Call call, String source, List<Finding> out) {
        boolean urgentCall = expected.urgency() == Urgency.EMERGENCY || expected.urgency() == Urgency.SAME_DAY;
        Severity routeSeverity = urgentCall ? Severity.CRITICAL : Severity.MAJOR;
        int w = policy.weight(routeSeverity);
        String best = catalogue.routes().get(expected.correct().get(0)).name();
        String expectedText = names(catalogue, expected.correct()) + " (urgency: " + expected.urgency().label() + ")";
        RoutingGrade grade = call.finalRoute == null ? RoutingGrade.NOT_ROUTED : grade(catalogue, expected, call.finalRoute);
        String did = call.finalRoute == null ? "No route chosen" : catalogue.routes().get(call.finalRoute).name();
        String rationale = expected.rationale();
        switch (grade) {
            case CORRECT -> out.add(new Finding(Segment.ROUTING, "Route", expectedText, did, null, w, w, rationale, source));
            case ACCEPTABLE -> {
                int minor = policy.weight(Severity.MINOR);
                out.add(new Finding(Segment.ROUTING, "Route", expectedText, did + " (acceptable)", Severity.MINOR, w - minor, w,
                        "Acceptable, but " + best + " is the better route. " + rationale, source));
            }
            case OVER_TRIAGE -> {
                int moderate = Math.min(w, policy.weight(Severity.MODERATE));
                out.add(new Finding(Segment.ROUTING, "Route", expectedText, did + " (over-triage)", Severity.MODERATE,
                        w - moderate, w, "Safe, but more urgent or costly than the caller needs: it uses an appointment "
                        + "someone else may need. " + rationale, source));
            }
            case UNDER_TRIAGE -> out.add(new Finding(Segment.ROUTING, "Route", expectedText, did + " (under-triage)",
                    routeSeverity, 0, w, (urgentCall ? "Under-triage of " + (expected.urgency() == Urgency.EMERGENCY
                    ? "an emergency" : "a same-day") + " call is a critical deviation: the caller would wait when they must not. "
                    : "Under-triage leaves the caller's need unmet. ") + rationale, source));
            case NOT_ROUTED -> out.add(new Finding(Segment.ROUTING, "Route", expectedText, did, routeSeverity, 0, w,
                    "Every call ends with a route and how to get there. " + rationale, source));
        }

        if (expected.routeBy() != null) {
            int cw = policy.weight(Severity.CRITICAL);
            String limit = limitText(expected.routeBy());
            String item = "Routed in time";
            if (call.firstSafeRouteAt < 0) {
                out.add(new Finding(Segment.ROUTING, item, "Route " + limit, "Never routed to a safe service",
                        Severity.CRITICAL, 0, cw, "An emergency must be routed at once: each question delays help.", source));
            } else {
                boolean inQuestions = expected.routeBy().questions() == null
                        || call.questionsBeforeFirstSafeRoute <= expected.routeBy().questions();
                boolean inSeconds = expected.routeBy().seconds() == null || call.firstSafeRouteSeconds == null
                        || call.firstSafeRouteSeconds <= expected.routeBy().seconds();
                String did2 = "Routed after " + call.questionsBeforeFirstSafeRoute + " question"
                        + (call.questionsBeforeFirstSafeRoute == 1 ? "" : "s")
                        + (call.firstSafeRouteSeconds == null ? "" : " and " + Math.round(call.firstSafeRouteSeconds) + " seconds");
                if (inQuestions && inSeconds) {
                    out.add(new Finding(Segment.ROUTING, item, "Route " + limit, did2, null, cw, cw,
                            "Once the red flag is found, route without delay.", source));
                } else {
                    out.add(new Finding(Segment.ROUTING, item, "Route " + limit, did2, Severity.CRITICAL, 0, cw,
                            "Routing an emergency later than the scenario allows is a critical deviation: "
                                    + "further questions delay the ambulance.", source));
                }
            }
        }
        return grade;
    }

    static RoutingGrade grade(Catalogue catalogue, Expected expected, String route) {
        if (expected.correct().contains(route)) {
            return RoutingGrade.CORRECT;
        }
        if (expected.acceptable().contains(route)) {
            return RoutingGrade.ACCEPTABLE;
        }
        if (expected.overTriage().contains(route)) {
            return RoutingGrade.OVER_TRIAGE;
        }
        if (expected.underTriage().contains(route)) {
            return RoutingGrade.UNDER_TRIAGE;
        }
        // Not listed: compare urgency with the correct route's.
        Urgency chosen = catalogue.routes().get(route).urgency();
        Urgency right = catalogue.routes().get(expected.correct().get(0)).urgency();
        return chosen.moreUrgentThan(right) ? RoutingGrade.OVER_TRIAGE : RoutingGrade.UNDER_TRIAGE;
    }

    private void safetyNetting(Catalogue catalogue, Expected expected, Call call, String source, List<Finding> out) {
        for (RequiredStep step : expected.safetyNetting()) {
            int w = policy.weight(step.severity());
            Catalogue.SafetyNetStep s = catalogue.safetyNetting().get(step.stepId());
            String why = step.why() != null ? step.why() : "Safety-netting tells the caller what to do if things change.";
            if (call.safetyNets.contains(step.stepId())) {
                out.add(new Finding(Segment.SAFETY_NETTING, s.name(), "\"" + s.wording() + "\"", "Given", null, w, w, why, source));
            } else {
                out.add(new Finding(Segment.SAFETY_NETTING, s.name(), "\"" + s.wording() + "\"", "Not given", step.severity(),
                        0, w, why, source));
            }
        }
    }

    private void communication(Scenario scenario, Call call, String source, List<Finding> out) {
        int w = policy.conductPoints();
        List<Finding> deductions = new ArrayList<>();
        boolean mustNotSaid = false;
        for (String sid : call.said) {
            Scenario.Statement st = scenario.statement(sid).orElseThrow();
            if (st.mustNot() != null) {
                mustNotSaid = true;
                deductions.add(new Finding(Segment.COMMUNICATION, "Must not: " + st.mustNot().label(),
                        "Never " + st.mustNot().label().toLowerCase(), "Said: \"" + st.text() + "\"", Severity.CRITICAL, -w, 0,
                        st.feedback() != null ? st.feedback() : "Outside the care navigator's role.", source));
            }
        }
        for (String qid : call.asked) {
            Question q = scenario.question(qid).orElseThrow();
            if (q.kind() == QuestionKind.DISTRACTOR) {
                Severity sev = q.distractorSeverity() == null ? Severity.MINOR : q.distractorSeverity();
                deductions.add(new Finding(Segment.COMMUNICATION, "Irrelevant or intrusive question", "Ask only what the routing decision needs",
                        "Asked: \"" + q.text() + "\"", sev, -policy.weight(sev), 0,
                        q.feedback() != null ? q.feedback() : "Not needed to choose the route.", "Call audit: ask only what is needed"));
            }
        }
        out.add(new Finding(Segment.COMMUNICATION, "Stayed within role and asked only what was needed",
                "No diagnosis or clinical advice, no disclosure without consent, no irrelevant or intrusive questions",
                deductions.isEmpty() ? "Yes" : mustNotSaid ? "No: see the deductions that follow"
                        : "Mostly: see the deductions that follow",
                null, w, w, "Care navigators signpost; clinicians diagnose and advise.", source));
        out.addAll(deductions);
    }

    private void documentation(Expected expected, Call call, String source, List<Finding> out) {
        NoteMatcher note = new NoteMatcher(call.note);
        for (NoteFact fact : expected.note()) {
            int w = policy.weight(fact.severity());
            String found = note.contains(fact.fact()) ? fact.fact()
                    : fact.synonyms().stream().filter(note::contains).findFirst().orElse(null);
            String expectedText = "The note records \"" + fact.fact() + "\""
                    + (fact.synonyms().isEmpty() ? "" : " (or: " + String.join(", ", fact.synonyms()) + ")");
            if (found != null) {
                out.add(new Finding(Segment.DOCUMENTATION, "Note: " + fact.fact(), expectedText, "Recorded (\"" + found + "\")",
                        null, w, w, "The next person to read the record needs this fact.", source));
            } else {
                out.add(new Finding(Segment.DOCUMENTATION, "Note: " + fact.fact(), expectedText,
                        call.note == null || call.note.isBlank() ? "No note written" : "Not in the note", fact.severity(), 0, w,
                        "The next person to read the record needs this fact.", source));
            }
        }
    }

    private static String names(Catalogue catalogue, List<String> routes) {
        return String.join(" or ", routes.stream().map(r -> catalogue.routes().get(r).name()).toList());
    }

    private static String limitText(Scenario.RouteBy by) {
        List<String> parts = new ArrayList<>();
        if (by.questions() != null) {
            parts.add("after no more than " + by.questions() + " question" + (by.questions() == 1 ? "" : "s"));
        }
        if (by.seconds() != null) {
            parts.add("within " + by.seconds() + " seconds");
        }
        return String.join(" and ", parts);
    }

    private static String sourceText(Catalogue.Source s) {
        return s.title() + " (" + s.url() + ")";
    }

    /** What the trainee did, summarised from the transcript in one pass. */
    private static final class Call {
        final Set<String> asked = new java.util.LinkedHashSet<>();
        final Set<String> askedBeforeRoute = new HashSet<>();
        final Set<String> said = new java.util.LinkedHashSet<>();
        final Set<String> safetyNets = new HashSet<>();
        String finalRoute;
        int questionsBeforeFinalRoute;
        Double secondsToRoute;
        int firstSafeRouteAt = -1;
        int questionsBeforeFirstSafeRoute;
        Double firstSafeRouteSeconds;
        String note;
        Integer confidence;

        static Call of(Scenario scenario, Catalogue catalogue, Transcript t) {
            if (!t.scenarioId().equals(scenario.id())) {
                throw new InvalidTranscriptException("the transcript is for scenario '" + t.scenarioId()
                        + "' but the scenario is '" + scenario.id() + "'");
            }
            if (t.version() != scenario.version()) {
                throw new InvalidTranscriptException("the transcript is for version " + t.version() + " of " + scenario.id()
                        + " but the scenario file is version " + scenario.version());
            }
            Expected expected = scenario.expected().get(t.variantId());
            if (expected == null) {
                throw new InvalidTranscriptException("variant '" + t.variantId() + "' is not one of "
                        + String.join(", ", scenario.variants().stream().map(Scenario.Variant::id).toList()));
            }
            Call c = new Call();
            int questions = 0;
            int index = 0;
            // Questions asked before the final route: found after the loop, so remember the order.
            List<String> askedInOrder = new ArrayList<>();
            int finalRouteIndex = -1;
            for (CallAction a : t.actions()) {
                index++;
                if (a instanceof CallAction.Ask ask) {
                    if (scenario.question(ask.questionId()).isEmpty()) {
                        throw new InvalidTranscriptException("action " + index + ": question '" + ask.questionId()
                                + "' is not in the scenario");
                    }
                    questions++;
                    c.asked.add(ask.questionId());
                    askedInOrder.add(ask.questionId());
                } else if (a instanceof CallAction.Say say) {
                    if (scenario.statement(say.statementId()).isEmpty()) {
                        throw new InvalidTranscriptException("action " + index + ": statement '" + say.statementId()
                                + "' is not in the scenario");
                    }
                    c.said.add(say.statementId());
                } else if (a instanceof CallAction.ChooseRoute r) {
                    if (!catalogue.routes().containsKey(r.routeId())) {
                        throw new InvalidTranscriptException("action " + index + ": route '" + r.routeId()
                                + "' is not in the catalogue");
                    }
                    c.finalRoute = r.routeId();
                    c.questionsBeforeFinalRoute = questions;
                    c.secondsToRoute = r.at();
                    finalRouteIndex = askedInOrder.size();
                    if (c.firstSafeRouteAt < 0 && grade(catalogue, expected, r.routeId()) != RoutingGrade.UNDER_TRIAGE) {
                        c.firstSafeRouteAt = index;
                        c.questionsBeforeFirstSafeRoute = questions;
                        c.firstSafeRouteSeconds = r.at();
                    }
                } else if (a instanceof CallAction.SafetyNet sn) {
                    if (!catalogue.safetyNetting().containsKey(sn.stepId())) {
                        throw new InvalidTranscriptException("action " + index + ": safety-netting step '" + sn.stepId()
                                + "' is not in the catalogue");
                    }
                    c.safetyNets.add(sn.stepId());
                } else if (a instanceof CallAction.WriteNote n) {
                    c.note = n.text();
                } else if (a instanceof CallAction.RateConfidence r) {
                    if (r.value() < 1 || r.value() > 5) {
                        throw new InvalidTranscriptException("action " + index + ": confidence must be 1 to 5");
                    }
                    c.confidence = r.value();
                }
            }
            int limit = finalRouteIndex < 0 ? askedInOrder.size() : finalRouteIndex;
            c.askedBeforeRoute.addAll(askedInOrder.subList(0, limit));
            if (c.firstSafeRouteAt >= 0 && grade(catalogue, expected, c.finalRoute) == RoutingGrade.UNDER_TRIAGE) {
                // Routed safely once, then changed to an unsafe route: the final decision is what counts.
                c.firstSafeRouteAt = -1;
            }
            return c;
        }
    }
}
