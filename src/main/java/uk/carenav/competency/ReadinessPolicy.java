package uk.carenav.competency;

import java.util.List;
import uk.carenav.scenario.Categories;

/**
 * The go-live readiness rule, versioned: a sign-off records the version it was judged against.
 * {@link #defaults()} is the rule the service agreed; installations may configure their own. With
 * {@code conversationOnly}, only assessed calls taken in the trainee's own words count (every assessment since
 * conversational calls; older ones were taken from a list of questions). With {@code passedShiftRequired}, a
 * passed shift (the queue simulation) in the window is a condition too.
 */
public record ReadinessPolicy(String version, int minAssessedCalls, int windowDays, List<String> requiredCategories,
        int lastCalls, int maxPartialPercent, int maxLowPercent, int maxNonCompliant, int noCriticalInLast,
        int minObservedLiveCalls, int refresherMonths, boolean conversationOnly, boolean passedShiftRequired) {

    /** A rule without the shift condition ({@code passedShiftRequired} off, as by default). */
    public ReadinessPolicy(String version, int minAssessedCalls, int windowDays, List<String> requiredCategories,
            int lastCalls, int maxPartialPercent, int maxLowPercent, int maxNonCompliant, int noCriticalInLast,
            int minObservedLiveCalls, int refresherMonths, boolean conversationOnly) {
        this(version, minAssessedCalls, windowDays, requiredCategories, lastCalls, maxPartialPercent, maxLowPercent,
                maxNonCompliant, noCriticalInLast, minObservedLiveCalls, refresherMonths, conversationOnly, false);
    }

    public static final List<String> REQUIRED_CATEGORIES = Categories.REQUIRED_FOR_SIGN_OFF;

    public static ReadinessPolicy defaults() {
        return new ReadinessPolicy("2026-12 v2", 10, 90, REQUIRED_CATEGORIES, 10, 10, 10, 0, 5, 2, 12, true);
    }
}
