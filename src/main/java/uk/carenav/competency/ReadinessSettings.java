package uk.carenav.competency;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.carenav.security.AuditTrail;
import uk.carenav.scenario.RequiredCategories;

/**
 * The readiness rule from configuration ({@code carenav.readiness.*}, defaults as agreed). Its version names
 * it on every sign-off; when the rule in force changes, the change is written to the audit trail at start-up.
 */
@Configuration
class ReadinessSettings {

    @Bean
    ReadinessPolicy readinessPolicy(
            @Value("${carenav.readiness.version:2026-12 v2}") String version,
            @Value("${carenav.readiness.min-assessed-calls:10}") int minCalls,
            @Value("${carenav.readiness.window-days:90}") int windowDays,
            RequiredCategories required,
            @Value("${carenav.readiness.last-calls:10}") int lastCalls,
            @Value("${carenav.readiness.max-partial-percent:10}") int maxPartial,
            @Value("${carenav.readiness.max-low-percent:10}") int maxLow,
            @Value("${carenav.readiness.max-non-compliant:0}") int maxNonCompliant,
            @Value("${carenav.readiness.no-critical-in-last:5}") int noCriticalInLast,
            @Value("${carenav.readiness.min-observed-live-calls:2}") int minObserved,
            @Value("${carenav.readiness.refresher-months:12}") int refresherMonths,
            @Value("${carenav.readiness.conversation-only:true}") boolean conversationOnly,
            @Value("${carenav.readiness.passed-shift-required:false}") boolean passedShiftRequired) {
        return new ReadinessPolicy(version, minCalls, windowDays, required.codes(), lastCalls, maxPartial, maxLow,
                maxNonCompliant, noCriticalInLast, minObserved, refresherMonths, conversationOnly, passedShiftRequired);
    }

    /** Records the rule in force whenever it differs from the one last recorded. */
    @Bean
    ApplicationRunner recordReadinessPolicy(ReadinessPolicy policy, AuditTrail trail) {
        return (ApplicationArguments args) -> {
            String described = describe(policy);
            String last = trail.lastDetail("READINESS_RULE").orElse(null);
            if (!described.equals(last)) {
                trail.record("system", "READINESS_RULE", described);
            }
        };
    }

    static String describe(ReadinessPolicy p) {
        return "rule " + p.version() + ": " + p.minAssessedCalls() + " assessed calls in " + p.windowDays() + " days; passed "
                + String.join(", ", p.requiredCategories()) + "; of the last " + p.lastCalls() + " at most "
                + p.maxPartialPercent() + "% Partial, " + p.maxLowPercent() + "% Low, " + p.maxNonCompliant()
                + " Non-compliant; no critical in the last " + p.noCriticalInLast() + "; " + p.minObservedLiveCalls()
                + " observed live calls; refresher after " + p.refresherMonths() + " months"
                + (p.conversationOnly() ? "" : "; assessed calls taken from the list count too")
                + (p.passedShiftRequired() ? "; a passed shift in " + p.windowDays() + " days" : "");
    }
}
