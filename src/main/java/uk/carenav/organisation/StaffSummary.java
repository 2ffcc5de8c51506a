package uk.carenav.organisation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One member of staff as lists show them. Practice and PCN are blank when not at a practice; {@code supervises}
 * names the practices a supervisor looks after (empty for everyone else).
 */
public record StaffSummary(long id, String username, String displayName, String email, boolean enabled,
        Set<Role> roles, String practice, String pcn, String practiceOds, List<String> supervises) {

    static StaffSummary of(StaffMember s) {
        Practice p = s.getPractice();
        // Only supervisors' practices are read, so a list of thousands of trainees costs no extra queries.
        List<String> supervises = s.getRoles().contains(Role.SUPERVISOR)
                ? s.getSupervisedPractices().stream().map(Practice::getName).sorted().toList() : List.of();
        return new StaffSummary(s.getId(), s.getUsername(), s.getDisplayName(), s.getEmail() == null ? "" : s.getEmail(),
                s.isEnabled(), Set.copyOf(s.getRoles()), p == null ? "" : p.getName(),
                p == null ? "" : p.getPcn().getName(), p == null ? "" : p.getOdsCode(), supervises);
    }

    /** Their own practice and, for a supervisor, every practice they look after: "Riverside Surgery, Quayside ...". */
    public String practices() {
        Set<String> all = new LinkedHashSet<>();
        if (!practice.isEmpty()) {
            all.add(practice);
        }
        all.addAll(supervises);
        return String.join(", ", all);
    }
}
