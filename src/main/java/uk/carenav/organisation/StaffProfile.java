package uk.carenav.organisation;

import java.util.List;
import java.util.Set;

/** The signed-in person: who they are, where they work and who supervises them. */
public record StaffProfile(long id, String username, String displayName, Set<Role> roles, Long practiceId,
        String practice, String pcn, String area, List<String> supervisors, List<String> supervisedPractices,
        boolean readAloud) {
}
