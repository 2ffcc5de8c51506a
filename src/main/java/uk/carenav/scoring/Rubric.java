package uk.carenav.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario.Expected;
import uk.carenav.scenario.Scenario.Question;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.Severity;
import uk.carenav.scenario.Urgency;

/**
 * The audit checklist of one scenario variant, with every text the score card needs worked out once,
 * so that scoring a call only compares and counts.
 */
final class Rubric {

    record Screen(String questionId, String item, String expected, String why, String source) {
    }

    record Step(String stepId, String item, String expected, Severity severity, String why) {
    }

    record Fact(String fact, List<String> synonyms, List<List<String>> stemsOfEach, String expected, Severity severity) {
    }

    final Scenario scenario;
    final Catalogue catalogue;
    final Expected expected;
    final String source;
    final Map<String, Question> questions = new HashMap<>();
    final Map<String, Scenario.Statement> statements = new HashMap<>();
    final List<Screen> screens = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<Fact> facts = new ArrayList<>();
    final Map<String, RoutingGrade> grades = new HashMap<>();
    /** Why a route is closed to this patient, in words, and the guidance its criteria follow. */
    record Ineligible(String why, String source) {
    }

    /** For each route graded ineligible. */
    final Map<String, Ineligible> ineligible = new HashMap<>();
    /** For each under-triaged or ineligible route: the rule that fails the call, as the score card says it. */
    final Map<String, String> routeRule = new HashMap<>();
    /** Routes for when the practice is closed (NHS 111), on a call that comes in hours. */
    final Set<String> closedRoutesInHours = new HashSet<>();
    /** The routing finding of each route chosen so far ("" for none), filled in by the engine as calls are scored. */
    final Map<String, Finding> routeFindings = new ConcurrentHashMap<>();
    final boolean urgentCall;
    final String routeExpected;
    final String bestRouteName;
    final String routeLimit;

    Rubric(Scenario scenario, Catalogue catalogue, String variant) {
        this.scenario = scenario;
        this.catalogue = catalogue;
        this.expected = scenario.expected().get(variant);
        this.source = scenario.sources().isEmpty() ? "" : sourceText(scenario.sources().get(0));
        scenario.questions().forEach(q -> questions.put(q.id(), q));
        scenario.statements().forEach(s -> statements.put(s.id(), s));
        if (expected == null) {
            urgentCall = false;
            routeExpected = bestRouteName = routeLimit = null;
            return;
        }
        for (String q : expected.mustAsk()) {
            Question question = questions.get(q);
            Catalogue.RedFlag flag = question.redFlagId() == null ? null : catalogue.redFlags().get(question.redFlagId());
            // On a variant where the red flag is not there (its route is not the right answer), the action is what would
            // have been needed had it been there, never an instruction for this call.
            boolean present = flag != null && expected.correct().contains(flag.routeId());
            String why = question.feedback() != null ? question.feedback()
                    : flag != null && present ? "This screen finds a red flag that changes the route. " + flag.action()
                    : flag != null ? "This screen rules out a red flag (" + flag.name().substring(0, 1).toLowerCase(Locale.ROOT)
                            + flag.name().substring(1) + "). In this call it was not there, and only asking shows that. "
                            + "Had it been there: " + flag.action()
                    : "This question decides whether the call is safe to route.";
            screens.add(new Screen(q, "Screen: " + (flag != null ? flag.name() : question.text()),
                    "Ask before choosing a route: \"" + question.text() + "\"", why,
                    flag != null ? sourceText(flag.source()) : source));
        }
        for (Scenario.RequiredStep step : expected.safetyNetting()) {
            Catalogue.SafetyNetStep s = catalogue.safetyNetting().get(step.stepId());
            steps.add(new Step(step.stepId(), s.name(), "\"" + s.wording() + "\"", step.severity(),
                    step.why() != null ? step.why() : "Safety-netting tells the caller what to do if things change."));
        }
        for (Scenario.NoteFact f : expected.note()) {
            List<List<String>> stems = new ArrayList<>();
            stems.add(NoteMatcher.stems(f.fact()));
            f.synonyms().forEach(s -> stems.add(NoteMatcher.stems(s)));
            facts.add(new Fact(f.fact(), f.synonyms(), stems, "The note records \"" + f.fact() + "\""
                    + (f.synonyms().isEmpty() ? "" : " (or: " + String.join(", ", f.synonyms()) + ")"), f.severity()));
        }
        Map<String, String> facts = scenario.patientFacts(variant);
        for (Catalogue.Route route : catalogue.routes().values()) {
            RoutingGrade grade = ScoringEngine.grade(catalogue, expected, route.id());
            if (grade != RoutingGrade.CORRECT && grade != RoutingGrade.ACCEPTABLE && route.eligibility() != null) {
                var why = route.eligibility().whyNot(facts);
                if (why.isPresent()) {
                    grade = RoutingGrade.INELIGIBLE;
                    ineligible.put(route.id(), new Ineligible(why.get(), sourceText(route.eligibility().source())));
                }
            }
            grades.put(route.id(), grade);
        }
        urgentCall = expected.urgency() == Urgency.EMERGENCY || expected.urgency() == Urgency.SAME_DAY;
        bestRouteName = catalogue.routes().get(expected.correct().get(0)).name();
        grades.forEach((route, grade) -> {
            if (grade == RoutingGrade.INELIGIBLE) {
                routeRule.put(route, "Ineligible route: " + ineligible.get(route).why());
            } else if (grade == RoutingGrade.UNDER_TRIAGE) {
                routeRule.put(route, (urgentCall ? "Under-triage of " + (expected.urgency() == Urgency.EMERGENCY
                        ? "an emergency" : "a same-day") + " call" : "Under-triage: no under-triaged call passes, whatever its "
                        + "points") + " (" + catalogue.routes().get(route).name() + " instead of " + bestRouteName + ")"
                        + inHoursReason(scenario, catalogue.routes().get(route)));
            }
            if (!inHoursReason(scenario, catalogue.routes().get(route)).isEmpty()) {
                closedRoutesInHours.add(route);
            }
        });
        routeExpected = String.join(" or ", expected.correct().stream().map(r -> catalogue.routes().get(r).name()).toList())
                + " (urgency: " + expected.urgency().label() + ")";
        routeLimit = expected.routeBy() == null ? null : limitText(expected.routeBy());
    }

    /** Why a when-the-practice-is-closed route (NHS 111) is wrong on a call that comes in hours, or nothing. */
    private static String inHoursReason(Scenario scenario, Catalogue.Route route) {
        return route.whenClosedOnly() && scenario.timeOfCall() == Scenario.TimeOfCall.IN_HOURS
                ? ": the practice is open, and practices should not normally send patients to NHS 111 while open - "
                        + "the practice deals with it"
                : "";
    }

    private static String limitText(Scenario.RouteBy by) {
        List<String> parts = new ArrayList<>();
        if (by.questions() != null) {
            parts.add("after no more than " + by.questions() + " question" + (by.questions() == 1 ? "" : "s"));
        }
        if (by.seconds() != null) {
            parts.add("within " + by.seconds() + " seconds");
        }
        return "Route " + String.join(" and ", parts);
    }

    static String sourceText(Catalogue.Source s) {
        return s.title() + " (" + s.url() + ")";
    }
}
