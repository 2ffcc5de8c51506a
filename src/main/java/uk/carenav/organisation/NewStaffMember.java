package uk.carenav.organisation;

import java.util.Set;

/**
 * What an administrator enters to create an account. A trainee needs a practice, a supervisor one or
 * more supervised practices, a service lead an area.
 */
public record NewStaffMember(String username, String displayName, String email, Role role, Long practiceId,
        Set<Long> supervisedPracticeIds, Long areaId, String password) {
}
