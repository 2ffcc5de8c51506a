package uk.carenav.competency;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a trainee is ready to take real calls. Pure: the same evidence and policy always give
 * the same conditions, each met or blocking, with the evidence behind it in words.
 */
public final class Readiness {

    /** One assessed call as the rule sees it. */
    public record AssessedCall(Instant endedAt, String category, String band, boolean passed, boolean critical) {
    }

    /**
     * One condition of the rule: met or not, and why. The code names it in reports (see {@link Blocker}).
     * {@code evidenced} is false when there is nothing yet to judge it on (no assessed calls for the bands
     * or critical findings): not met, but not failed either, so reports do not blame anyone for it.
     */
    public record Condition(Blocker code, String name, boolean met, String evidence, boolean evidenced) {

        Condition(Blocker code, String name, boolean met, String evidence) {
            this(code, name, met, evidence, true);
        }
    }

    /** The conditions as reports name them when they block. */
    public enum Blocker {
        RECENT_CALLS("Too few recent assessed calls"),
        CATEGORIES("A required category not yet passed"),
        BANDS("Too many low-scoring recent calls"),
        CRITICAL("A critical finding in recent calls"),
        OBSERVED("Too few observed live calls"),
        SHIFT("No passed shift");

        private final String label;

        Blocker(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The verdict: every condition, and whether all are met. */
    public record Result(String policyVersion, List<Condition> conditions) {
        public boolean ready() {
            return conditions.stream().allMatch(Condition::met);
        }

        /** The conditions not met on the evidence there is: what holds the trainee back. */
        public List<Condition> blockers() {
            return conditions.stream().filter(c -> !c.met() && c.evidenced()).toList();
        }

        /** The conditions not met because there is nothing yet to judge them on. */
        public List<Condition> notYetEvidenced() {
            return conditions.stream().filter(c -> !c.met() && !c.evidenced()).toList();
        }
    }

    private Readiness() {
    }

    /** The calls must be assessed ones; {@code observedCompliant} counts observed live calls at Compliant or better. */
    public static Result judge(ReadinessPolicy p, List<AssessedCall> calls, int observedCompliant, Instant now) {
        return judge(p, calls, observedCompliant, 0, now);
    }

    /**
     * As {@link #judge(ReadinessPolicy, List, int, Instant)}; {@code passedShifts} counts the trainee's passed shifts
     * in the window, a condition only when the policy requires one.
     */
    public static Result judge(ReadinessPolicy p, List<AssessedCall> calls, int observedCompliant, int passedShifts,
            Instant now) {
        List<AssessedCall> newestFirst = calls.stream().sorted(Comparator.comparing(AssessedCall::endedAt).reversed()).toList();
        List<Condition> out = new ArrayList<>();

        Instant since = now.minus(p.windowDays(), ChronoUnit.DAYS);
        long recent = newestFirst.stream().filter(c -> !c.endedAt().isBefore(since)).count();
        out.add(new Condition(Blocker.RECENT_CALLS, "At least " + p.minAssessedCalls() + " assessed calls in the last " + p.windowDays() + " days",
                recent >= p.minAssessedCalls(), recent + " assessed call" + (recent == 1 ? "" : "s") + " in the last "
                + p.windowDays() + " days"));

        Set<String> passed = new TreeSet<>();
        newestFirst.stream().filter(AssessedCall::passed).forEach(c -> passed.add(c.category()));
        List<String> missing = p.requiredCategories().stream().filter(c -> !passed.contains(c)).toList();
        out.add(new Condition(Blocker.CATEGORIES, "Every required category passed at least once", missing.isEmpty(), missing.isEmpty()
                ? "passed in all " + p.requiredCategories().size() + " required categories"
                : "not yet passed: " + String.join(", ", missing)));

        List<AssessedCall> last = newestFirst.stream().limit(p.lastCalls()).toList();
        long partial = last.stream().filter(c -> "PARTIAL".equals(c.band())).count();
        long low = last.stream().filter(c -> "LOW".equals(c.band())).count();
        long nonCompliant = last.stream().filter(c -> "NON_COMPLIANT".equals(c.band())).count();
        boolean bandsOk = !last.isEmpty() && partial * 100 <= (long) p.maxPartialPercent() * last.size()
                && low * 100 <= (long) p.maxLowPercent() * last.size() && nonCompliant <= p.maxNonCompliant();
        out.add(new Condition(Blocker.BANDS, "Of the last " + p.lastCalls() + " assessed calls, at most " + p.maxPartialPercent()
                + "% Partial, at most " + p.maxLowPercent() + "% Low and " + (p.maxNonCompliant() == 0 ? "none"
                : "at most " + p.maxNonCompliant()) + " Non-compliant", bandsOk,
                last.isEmpty() ? "no assessed calls yet" : "of the last " + last.size() + ": " + partial + " Partial, " + low
                        + " Low, " + nonCompliant + " Non-compliant", !last.isEmpty()));

        List<AssessedCall> lastFew = newestFirst.stream().limit(p.noCriticalInLast()).toList();
        long critical = lastFew.stream().filter(AssessedCall::critical).count();
        out.add(new Condition(Blocker.CRITICAL, "No critical finding in the last " + p.noCriticalInLast() + " assessed calls",
                !lastFew.isEmpty() && critical == 0, lastFew.isEmpty() ? "no assessed calls yet"
                        : critical + " of the last " + lastFew.size() + " had a critical finding", !lastFew.isEmpty()));

        out.add(new Condition(Blocker.OBSERVED, "At least " + p.minObservedLiveCalls() + " supervisor-observed live calls at Compliant or better",
                observedCompliant >= p.minObservedLiveCalls(), observedCompliant + " observed at Compliant or better"));
        if (p.passedShiftRequired()) {
            out.add(new Condition(Blocker.SHIFT, "A shift passed in the last " + p.windowDays() + " days (every red flag "
                    + "in the queue routed in time, no critical finding)", passedShifts > 0,
                    passedShifts + " shift" + (passedShifts == 1 ? "" : "s") + " passed in the last " + p.windowDays() + " days"));
        }
        return new Result(p.version(), List.copyOf(out));
    }
}
