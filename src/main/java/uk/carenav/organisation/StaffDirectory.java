package uk.carenav.organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.CurrentUser;

/**
 * Read access to staff for the signed-in person. Every method scopes what it returns to the caller:
 * a supervisor sees only the trainees of their own practices, a service lead only their own area.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final StaffMemberRepository staff;

    StaffDirectory(StaffMemberRepository staff) {
        this.staff = staff;
    }

    /** For sign-in only: the stored credentials of an account. */
    public Optional<Credentials> credentialsFor(String username) {
        return staff.findByUsernameIgnoreCase(username).map(s -> new Credentials(s.getUsername(),
                s.getPasswordHash(), s.isEnabled(), Set.copyOf(s.getRoles())));
    }

    /** The signed-in person's own profile. */
    @PreAuthorize("isAuthenticated()")
    public StaffProfile currentProfile() {
        StaffMember me = signedIn();
        Practice p = me.getPractice();
        List<String> supervisors = p == null ? List.of()
                : staff.findWithRoleSupervisingPractice(p.getId(), Role.SUPERVISOR).stream()
                        .map(StaffMember::getDisplayName).toList();
        List<String> supervised = me.getSupervisedPractices().stream().map(Practice::getName).sorted().toList();
        String area = me.getArea() != null ? me.getArea().getName()
                : p != null ? p.getPcn().getArea().getName() : "";
        return new StaffProfile(me.getId(), me.getUsername(), me.getDisplayName(), Set.copyOf(me.getRoles()),
                p == null ? null : p.getId(), p == null ? "" : p.getName(), p == null ? "" : p.getPcn().getName(), area,
                supervisors, supervised, me.isReadAloud());
    }

    /** The signed-in person's choice to hear callers' lines read aloud. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setReadAloud(boolean on) {
        signedIn().setReadAloud(on);
    }

    /** The trainees at the practices the signed-in supervisor looks after. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public List<StaffSummary> myTrainees() {
        StaffMember me = signedIn();
        if (me.getSupervisedPractices().isEmpty()) {
            return List.of();
        }
        return staff.findAtPracticesWithRole(me.getSupervisedPractices(), Role.TRAINEE).stream()
                .map(StaffSummary::of).toList();
    }

    /** One of the signed-in supervisor's trainees; empty for anyone else, so other practices' ids reveal nothing. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public Optional<StaffSummary> myTrainee(long staffId) {
        return myTrainees().stream().filter(t -> t.id() == staffId).findFirst();
    }

    /** The signed-in person's account id. */
    @PreAuthorize("isAuthenticated()")
    public long currentStaffId() {
        return signedIn().getId();
    }

    /** The id of the signed-in service lead's area; refused when none is assigned. */
    @PreAuthorize("hasRole('SERVICE_LEAD')")
    public long myAreaId() {
        StaffMember me = signedIn();
        if (me.getArea() == null) {
            throw new AccessDeniedException("No area is assigned to " + me.getUsername());
        }
        return me.getArea().getId();
    }

    private StaffMember signedIn() {
        String username = CurrentUser.username();
        return staff.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new AccessDeniedException("Unknown account " + username));
    }
}
