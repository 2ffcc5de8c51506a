package uk.carenav.organisation;

import java.util.Set;

/** One member of staff as lists show them. Practice and PCN are blank when not at a practice. */
public record StaffSummary(long id, String username, String displayName, String email, boolean enabled,
        Set<Role> roles, String practice, String pcn, String practiceOds) {

    static StaffSummary of(StaffMember s) {
        Practice p = s.getPractice();
        return new StaffSummary(s.getId(), s.getUsername(), s.getDisplayName(), s.getEmail() == null ? "" : s.getEmail(),
                s.isEnabled(), Set.copyOf(s.getRoles()), p == null ? "" : p.getName(),
                p == null ? "" : p.getPcn().getName(), p == null ? "" : p.getOdsCode());
    }
}
