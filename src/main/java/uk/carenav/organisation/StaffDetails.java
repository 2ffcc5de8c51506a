package uk.carenav.organisation;

import java.time.LocalDate;
import java.util.Set;

/** Everything an administrator can change about an account, as it stands. */
public record StaffDetails(long id, String username, String displayName, String email, Role role, Long practiceId,
        Set<Long> supervisedPracticeIds, Long areaId, String staffRef, LocalDate startDate, Long supervisorId,
        Training training) {
}
