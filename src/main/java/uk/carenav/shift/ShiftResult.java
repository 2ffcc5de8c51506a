package uk.carenav.shift;

import java.util.Map;

/**
 * An ended shift's report with what the report page needs around it: whose shift, the plan it was drawn as and
 * the seed, and whether the reader is the trainee (links go to their own debriefs) or their supervisor; route names by id.
 */
public record ShiftResult(ShiftSummary shift, String traineeName, long seed, ShiftPlan plan, ShiftReport report,
        boolean own, double pausedSeconds, Map<String, String> routeNames) {
}
