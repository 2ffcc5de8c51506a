package uk.carenav.organisation;

import java.time.LocalDate;
import java.util.Set;

/**
 * An administrator's changes to an existing account: name, email, role and where it applies, the employer's
 * staff id, start date, named supervisor and whether the person must train ({@link Training}).
 */
public record StaffChanges(String displayName, String email, Role role, Long practiceId, Set<Long> supervisedPracticeIds,
        Long areaId, String staffRef, LocalDate startDate, Long supervisorId, Training training) {
}
