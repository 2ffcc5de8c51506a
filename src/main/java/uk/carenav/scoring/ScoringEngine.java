package uk.carenav.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario.Expected;
import uk.carenav.scenario.Scenario.Question;
import uk.carenav.scenario.Scenario.QuestionKind;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.Severity;
import uk.carenav.scenario.Urgency;

/**
 * Marks one call like a professional call audit. The rubric, segment by segment:
 * <ol>
 * <li><b>Red-flag screening</b>: each must-ask screen is a Critical item, met only when asked before
 * the route was chosen.</li>
 * <li><b>Routing</b>: the final route is graded correct, acceptable (a Minor deduction), over-triage
 * (a Moderate deduction), under-triage or ineligible (no points: Critical when the call is emergency
 * or same-day, Major otherwise). A route the variant does not list is under-triage when it is slower
 * than the variant's urgency (or as urgent but a different service), over-triage when faster, and
 * ineligible when the patient does not meet the route's eligibility in the catalogue. An emergency
 * must be routed by the scenario's {@code route_by} point (a Critical item).</li>
 * <li><b>Safety-netting</b>: each required step at its severity.</li>
 * <li><b>Communication and information governance</b>: points for staying within role, less each
 * distractor question at its severity; a must-not statement (diagnosing, clinical advice,
 * disclosure without consent, promising secrecy) is Critical and takes them all.</li>
 * <li><b>Documentation</b>: each key fact found in the note, by its words or a synonym.</li>
 * </ol>
 * Any Critical deviation, an ineligible route and (unless the policy turns the rule off) any
 * under-triage make the call Non-compliant whatever its points; the score card says which in
 * {@link ScoreCard#failedBecause()}. Deterministic: the same scenario and transcript always give the
 * same score card.
 */
public final class ScoringEngine {

    private static final int RUBRIC_CACHE_LIMIT = 10_000;

    private final ScoringPolicy policy;
    private final Map<RubricKey, Rubric> rubrics = new ConcurrentHashMap<>();

    public ScoringEngine(ScoringPolicy policy) {
        this.policy = policy;
    }

    public ScoringPolicy policy() {
        return policy;
    }

    /** Rubrics are cached per scenario object (by identity: a reloaded scenario is a new object). */
    private record RubricKey(Scenario scenario, Catalogue catalogue, String variant) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RubricKey k && k.scenario == scenario && k.catalogue == catalogue && k.variant.equals(variant);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(scenario) * 31 + variant.hashCode();
        }
    }

    /**
     * Scores a transcript against the scenario it was taken from.
     *
     * @throws InvalidTranscriptException when the transcript does not fit the scenario
     */
    public ScoreCard score(Scenario scenario, Catalogue catalogue, Transcript transcript) {
        if (!transcript.scenarioId().equals(scenario.id())) {
            throw new InvalidTranscriptException("the transcript is for scenario '" + transcript.scenarioId()
                    + "' but the scenario is '" + scenario.id() + "'");
        }
        if (transcript.version() != scenario.version()) {
            throw new InvalidTranscriptException("the transcript is for version " + transcript.version() + " of "
                    + scenario.id() + " but the scenario file is version " + scenario.version());
        }
        if (!scenario.expected().containsKey(transcript.variantId())) {
            throw new InvalidTranscriptException("variant '" + transcript.variantId() + "' is not one of "
                    + String.join(", ", scenario.variants().stream().map(Scenario.Variant::id).toList()));
        }
        if (rubrics.size() > RUBRIC_CACHE_LIMIT) {
            rubrics.clear();
        }
        Rubric rubric = rubrics.computeIfAbsent(new RubricKey(scenario, catalogue, transcript.variantId()),
                k -> new Rubric(k.scenario(), k.catalogue(), k.variant()));
        Call call = Call.of(rubric, transcript);

        List<ScoreCard.SegmentScore> segments = new ArrayList<>(5);
        int points = 0;
        int possible = 0;
        boolean critical = false;
        RoutingGrade grade = null;
        for (Segment segment : Segment.values()) {
            List<Finding> list = new ArrayList<>();
            switch (segment) {
                case RED_FLAG_SCREENING -> redFlagScreening(rubric, call, list);
                case ROUTING -> grade = routing(rubric, call, list);
                case SAFETY_NETTING -> safetyNetting(rubric, call, list);
                case COMMUNICATION -> communication(rubric, call, list);
                case DOCUMENTATION -> documentation(rubric, call, list);
            }
            int max = 0;
            int sum = 0;
            for (Finding f : list) {
                max += f.possible();
                sum += f.points();
                critical |= f.critical();
            }
            int got = Math.max(0, Math.min(max, sum));
            segments.add(new ScoreCard.SegmentScore(segment, got, max, List.copyOf(list)));
            points += got;
            possible += max;
        }
        double percentage = possible == 0 ? 100.0 : Math.round(points * 1000.0 / possible) / 10.0;
        List<String> failedBecause = failedBecause(rubric, call, grade, segments);
        ComplianceBand band = failedBecause.isEmpty() ? policy.bandFor(percentage) : ComplianceBand.NON_COMPLIANT;
        return new ScoreCard(scenario.id(), scenario.version(), transcript.variantId(), List.copyOf(segments), grade,
                call.finalRoute, call.secondsToRoute, call.finalRoute == null ? null : call.questionsBeforeFinalRoute,
                call.confidence, points, possible, percentage, band, band.atLeast(policy.passBand()), critical,
                failedBecause);
    }

    private Finding routeFinding(Rubric rubric, String route, RoutingGrade grade) {
        Expected expected = rubric.expected;
        Severity routeSeverity = rubric.urgentCall ? Severity.CRITICAL : Severity.MAJOR;
        int w = policy.weight(routeSeverity);
        String did = route == null ? "No route chosen" : rubric.catalogue.routes().get(route).name();
        String rationale = (rubric.closedRoutesInHours.contains(route) && grade != RoutingGrade.CORRECT
                ? "The practice is open: practices should not normally send patients to NHS 111 while open (NHS England, "
                        + "2023), so the practice deals with it. " : "") + expected.rationale();
        String source = rubric.source;
        String item = "Route";
        return switch (grade) {
            case CORRECT -> new Finding(Segment.ROUTING, item, rubric.routeExpected, did, null, w, w, rationale, source);
            case ACCEPTABLE -> new Finding(Segment.ROUTING, item, rubric.routeExpected, did + " (acceptable)", Severity.MINOR,
                    Math.max(0, w - policy.weight(Severity.MINOR)), w, "Acceptable, but " + rubric.bestRouteName
                    + " is the better route. " + rationale, source);
            case OVER_TRIAGE -> new Finding(Segment.ROUTING, item, rubric.routeExpected, did + " (over-triage)",
                    Severity.MODERATE, Math.max(0, w - policy.weight(Severity.MODERATE)), w, "Safe, but more urgent or costly "
                    + "than the caller needs: it uses an appointment someone else may need. " + rationale, source);
            case UNDER_TRIAGE -> new Finding(Segment.ROUTING, item, rubric.routeExpected, did + " (under-triage)",
                    routeSeverity, 0, w, (rubric.urgentCall ? "Under-triage of " + (expected.urgency() == Urgency.EMERGENCY
                    ? "an emergency" : "a same-day") + " call is a critical deviation: the caller would wait when they must not. "
                    : "Under-triage leaves the caller's need unmet. ") + rationale, source);
            case INELIGIBLE -> {
                Rubric.Ineligible closed = rubric.ineligible.get(route);
                yield new Finding(Segment.ROUTING, item, rubric.routeExpected, did + " (not eligible)", routeSeverity, 0, w,
                        "The patient is not eligible, so they would be turned away and their care delayed. " + closed.why()
                        + " " + rationale, closed.source());
            }
            case NOT_ROUTED -> new Finding(Segment.ROUTING, item, rubric.routeExpected, did, routeSeverity, 0, w,
                    "Every call ends with a route and how to get there. " + rationale, source);
        };
    }

    /** The rules that fail this call whatever its points, in words; empty when the points decide. */
    private List<String> failedBecause(Rubric rubric, Call call, RoutingGrade grade, List<ScoreCard.SegmentScore> segments) {
        List<String> out = new ArrayList<>(2);
        boolean routeRule = grade == RoutingGrade.INELIGIBLE
                || (grade == RoutingGrade.UNDER_TRIAGE && (policy.underTriageFails() || rubric.urgentCall));
        for (ScoreCard.SegmentScore s : segments) {
            for (Finding f : s.findings()) {
                // The route's own rule says more than "Critical deviation: Route", so it stands in for it.
                if (f.critical() && !(routeRule && s.segment() == Segment.ROUTING && f.item().equals("Route"))) {
                    out.add(ScoreCard.CRITICAL_DEVIATION + f.item());
                }
            }
        }
        if (routeRule) {
            out.add(rubric.routeRule.get(call.finalRoute));
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    private void redFlagScreening(Rubric rubric, Call call, List<Finding> out) {
        int w = policy.weight(Severity.CRITICAL);
        for (Rubric.Screen screen : rubric.screens) {
            if (call.askedBeforeRoute.contains(screen.questionId())) {
                out.add(new Finding(Segment.RED_FLAG_SCREENING, screen.item(), screen.expected(), "Asked before routing",
                        null, w, w, screen.why(), screen.source()));
            } else if (call.asked.contains(screen.questionId())) {
                out.add(new Finding(Segment.RED_FLAG_SCREENING, screen.item(), screen.expected(),
                        "Asked only after choosing the route", Severity.CRITICAL, 0, w,
                        "A screen asked after the decision cannot change it. " + screen.why(), screen.source()));
            } else {
                out.add(new Finding(Segment.RED_FLAG_SCREENING, screen.item(), screen.expected(), "Not asked",
                        Severity.CRITICAL, 0, w, "Missing a must-ask red-flag screen is a critical deviation. " + screen.why(),
                        screen.source()));
            }
        }
    }

    private RoutingGrade routing(Rubric rubric, Call call, List<Finding> out) {
        Expected expected = rubric.expected;
        String source = rubric.source;
        RoutingGrade grade = call.finalRoute == null ? RoutingGrade.NOT_ROUTED : rubric.grades.get(call.finalRoute);
        // The route's finding depends only on the route: worked out once per rubric, then shared.
        out.add(rubric.routeFindings.computeIfAbsent(call.finalRoute == null ? "" : call.finalRoute,
                route -> routeFinding(rubric, call.finalRoute, grade)));
        if (expected.routeBy() != null) {
            int cw = policy.weight(Severity.CRITICAL);
            String timely = "Routed in time";
            if (call.firstSafeRouteAt < 0) {
                out.add(new Finding(Segment.ROUTING, timely, rubric.routeLimit, "Never routed to a safe service",
                        Severity.CRITICAL, 0, cw, "An emergency must be routed at once: each question delays help.", source));
            } else if (expected.routeBy().questions() == null && call.firstSafeRouteSeconds == null) {
                // Only a time limit, and no times in the transcript: nothing to mark, and no points given for it.
                out.add(new Finding(Segment.ROUTING, timely, rubric.routeLimit, "Not assessed: the transcript has no times",
                        null, 0, 0, "The time to route can only be marked from a transcript with times ('at').", source));
            } else {
                boolean inQuestions = expected.routeBy().questions() == null
                        || call.questionsBeforeFirstSafeRoute <= expected.routeBy().questions();
                boolean timeUnknown = expected.routeBy().seconds() != null && call.firstSafeRouteSeconds == null;
                boolean inSeconds = expected.routeBy().seconds() == null || call.firstSafeRouteSeconds == null
                        || call.firstSafeRouteSeconds <= expected.routeBy().seconds();
                String did2 = "Routed after " + call.questionsBeforeFirstSafeRoute + " question"
                        + (call.questionsBeforeFirstSafeRoute == 1 ? "" : "s")
                        + (call.firstSafeRouteSeconds == null ? "" : " and " + Math.round(call.firstSafeRouteSeconds) + " seconds")
                        + (timeUnknown ? " (time not assessed: the transcript has no times)" : "");
                if (inQuestions && inSeconds) {
                    out.add(new Finding(Segment.ROUTING, timely, rubric.routeLimit, did2, null, cw, cw,
                            "Once the red flag is found, route without delay.", source));
                } else {
                    out.add(new Finding(Segment.ROUTING, timely, rubric.routeLimit, did2, Severity.CRITICAL, 0, cw,
                            "Routing an emergency later than the scenario allows is a critical deviation: "
                                    + "further questions delay the ambulance.", source));
                }
            }
        }
        return grade;
    }

    /**
     * How a route compares with the expected outcome, before eligibility; a route not listed is
     * over-triage when more urgent than the variant needs, otherwise under-triage (slower, or as urgent
     * but a service that does not meet the need).
     */
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
        Catalogue.Route chosenRoute = catalogue.routes().get(route);
        if (chosenRoute.queueOnly()) {
            // A call-back from reception: safe for a need that can wait until later, never for anything more urgent.
            return expected.urgency().moreUrgentThan(Urgency.WITHIN_DAYS) ? RoutingGrade.UNDER_TRIAGE
                    : RoutingGrade.ACCEPTABLE;
        }
        Urgency chosen = chosenRoute.urgency();
        return chosen.moreUrgentThan(expected.urgency()) ? RoutingGrade.OVER_TRIAGE : RoutingGrade.UNDER_TRIAGE;
    }

    private void safetyNetting(Rubric rubric, Call call, List<Finding> out) {
        for (Rubric.Step step : rubric.steps) {
            int w = policy.weight(step.severity());
            if (call.safetyNets.contains(step.stepId())) {
                out.add(new Finding(Segment.SAFETY_NETTING, step.item(), step.expected(), "Given", null, w, w, step.why(),
                        rubric.source));
            } else {
                out.add(new Finding(Segment.SAFETY_NETTING, step.item(), step.expected(), "Not given", step.severity(), 0, w,
                        step.why(), rubric.source));
            }
        }
    }

    private void communication(Rubric rubric, Call call, List<Finding> out) {
        int w = policy.conductPoints();
        List<Finding> deductions = new ArrayList<>();
        boolean mustNotSaid = false;
        for (String sid : call.said) {
            Scenario.Statement st = rubric.statements.get(sid);
            if (st.mustNot() != null) {
                mustNotSaid = true;
                deductions.add(new Finding(Segment.COMMUNICATION, "Must not: " + st.mustNot().label(),
                        "Never: " + st.mustNot().label().toLowerCase(Locale.ROOT), "Said: \"" + st.text() + "\"",
                        Severity.CRITICAL, -w, 0, st.feedback() != null ? st.feedback() : "Outside the care navigator's role.",
                        rubric.source));
            }
        }
        for (String qid : call.asked) {
            Question q = rubric.questions.get(qid);
            if (q.kind() == QuestionKind.DISTRACTOR) {
                Severity sev = q.distractorSeverity() == null ? Severity.MINOR : q.distractorSeverity();
                deductions.add(new Finding(Segment.COMMUNICATION, "Irrelevant or intrusive question",
                        "Ask only what the routing decision needs", "Asked: \"" + q.text() + "\"", sev, -policy.weight(sev), 0,
                        q.feedback() != null ? q.feedback() : "Not needed to choose the route.",
                        "Call audit: ask only what is needed"));
            }
        }
        out.add(new Finding(Segment.COMMUNICATION, "Stayed within role and asked only what was needed",
                "No diagnosis or clinical advice, no disclosure without consent, no irrelevant or intrusive questions",
                deductions.isEmpty() ? "Yes" : mustNotSaid ? "No: see the deductions that follow"
                        : "Mostly: see the deductions that follow",
                null, w, w, "Care navigators signpost; clinicians diagnose and advise.", rubric.source));
        out.addAll(deductions);
    }

    private void documentation(Rubric rubric, Call call, List<Finding> out) {
        NoteMatcher note = new NoteMatcher(call.note);
        List<Finding> contradictions = new ArrayList<>(0);
        for (Rubric.Fact fact : rubric.facts) {
            int w = policy.weight(fact.severity());
            String found = null;
            String negated = null;
            for (int i = 0; i < fact.stemsOfEach().size() && found == null; i++) {
                NoteMatcher.Mention m = note.mention(fact.stemsOfEach().get(i));
                String form = i == 0 ? fact.fact() : fact.synonyms().get(i - 1);
                if (m == NoteMatcher.Mention.FOUND) {
                    found = form;
                } else if (m == NoteMatcher.Mention.NEGATED && negated == null) {
                    negated = form;
                }
            }
            String why = "The next person to read the record needs this fact.";
            if (found != null) {
                out.add(new Finding(Segment.DOCUMENTATION, "Note: " + fact.fact(), fact.expected(),
                        "Recorded (\"" + found + "\")", null, w, w, why, rubric.source));
            } else {
                out.add(new Finding(Segment.DOCUMENTATION, "Note: " + fact.fact(), fact.expected(),
                        call.note == null || call.note.isBlank() ? "No note written"
                                : negated != null ? "Recorded as negative (\"" + negated + "\")" : "Not in the note",
                        fact.severity(), 0, w, why, rubric.source));
                if (negated != null) {
                    int major = policy.weight(Severity.MAJOR);
                    contradictions.add(new Finding(Segment.DOCUMENTATION, "Note contradicts the call: " + fact.fact(),
                            "Record \"" + fact.fact() + "\" as it is", "The note records the opposite: it negates \""
                            + negated + "\"", Severity.MAJOR, -major, 0, "A note that records a true fact as negative is "
                            + "worse than no note: the next reader will act on it.", rubric.source));
                }
            }
        }
        out.addAll(contradictions);
    }

    /** What the trainee did, summarised from the transcript in one pass. */
    private static final class Call {
        final Set<String> asked = new LinkedHashSet<>();
        final Set<String> askedBeforeRoute = new HashSet<>();
        final Set<String> said = new LinkedHashSet<>();
        final Set<String> safetyNets = new HashSet<>();
        String finalRoute;
        int questionsBeforeFinalRoute;
        Double secondsToRoute;
        int firstSafeRouteAt = -1;
        int questionsBeforeFirstSafeRoute;
        Double firstSafeRouteSeconds;
        String note;
        Integer confidence;

        static Call of(Rubric rubric, Transcript t) {
            Call c = new Call();
            int questions = 0;
            int index = 0;
            List<String> askedInOrder = new ArrayList<>();
            int finalRouteIndex = -1;
            for (CallAction a : t.actions()) {
                index++;
                if (a instanceof CallAction.Ask ask) {
                    if (!rubric.questions.containsKey(ask.questionId())) {
                        throw new InvalidTranscriptException("action " + index + ": question '" + ask.questionId()
                                + "' is not in the scenario");
                    }
                    questions++;
                    c.asked.add(ask.questionId());
                    askedInOrder.add(ask.questionId());
                } else if (a instanceof CallAction.Say say) {
                    if (!rubric.statements.containsKey(say.statementId())) {
                        throw new InvalidTranscriptException("action " + index + ": statement '" + say.statementId()
                                + "' is not in the scenario");
                    }
                    c.said.add(say.statementId());
                } else if (a instanceof CallAction.ChooseRoute r) {
                    RoutingGrade g = rubric.grades.get(r.routeId());
                    if (g == null) {
                        throw new InvalidTranscriptException("action " + index + ": route '" + r.routeId()
                                + "' is not in the catalogue");
                    }
                    c.finalRoute = r.routeId();
                    c.questionsBeforeFinalRoute = questions;
                    c.secondsToRoute = r.at();
                    finalRouteIndex = askedInOrder.size();
                    if (c.firstSafeRouteAt < 0 && g != RoutingGrade.UNDER_TRIAGE && g != RoutingGrade.INELIGIBLE) {
                        c.firstSafeRouteAt = index;
                        c.questionsBeforeFirstSafeRoute = questions;
                        c.firstSafeRouteSeconds = r.at();
                    }
                } else if (a instanceof CallAction.SafetyNet sn) {
                    if (!rubric.catalogue.safetyNetting().containsKey(sn.stepId())) {
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
            RoutingGrade last = c.finalRoute == null ? null : rubric.grades.get(c.finalRoute);
            if (c.firstSafeRouteAt >= 0 && (last == RoutingGrade.UNDER_TRIAGE || last == RoutingGrade.INELIGIBLE)) {
                // Routed safely once, then changed to an unsafe route: the final decision is what counts.
                c.firstSafeRouteAt = -1;
            }
            return c;
        }
    }
}
