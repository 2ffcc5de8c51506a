package uk.carenav.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.AuditedAction;
import uk.carenav.base.CurrentUser;
import uk.carenav.base.InvalidInputException;

/** What administrators do with people and practices. Every rule is checked here, whatever the form did. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional
public class OrganisationAdmin {

    private static final Pattern ODS_CODE = Pattern.compile("[A-Z][0-9A-Z]{4,5}");

    private final StaffMemberRepository staff;
    private final PracticeRepository practices;
    private final PcnRepository pcns;
    private final AreaRepository areas;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrganisationAdmin(StaffMemberRepository staff, PracticeRepository practices, PcnRepository pcns,
            AreaRepository areas, PasswordEncoder passwordEncoder, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.staff = staff;
        this.practices = practices;
        this.pcns = pcns;
        this.areas = areas;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StaffSummary> allStaff() {
        return staff.findAllWithPractice().stream().map(StaffSummary::of).toList();
    }

    @Transactional(readOnly = true)
    public List<PracticeSummary> allPractices() {
        return practices.findAllWithPcn().stream().map(PracticeSummary::of).toList();
    }

    @Transactional(readOnly = true)
    public List<PcnSummary> allPcns() {
        return pcns.findAllWithArea().stream()
                .map(p -> new PcnSummary(p.getId(), p.getName(), p.getArea().getName())).toList();
    }

    @Transactional(readOnly = true)
    public List<AreaSummary> allAreas() {
        return areas.findAll().stream().map(a -> new AreaSummary(a.getId(), a.getName()))
                .sorted(Comparator.comparing(AreaSummary::name)).toList();
    }

    /** Creates an account; throws {@link InvalidInputException} naming the first field at fault. */
    public StaffSummary createStaff(NewStaffMember in) {
        String username = in.username() == null ? "" : in.username().strip().toLowerCase(Locale.ROOT);
        if (!StaffRules.validUsername(username)) {
            throw new InvalidInputException("Username",
                    "Use 3 to 50 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.");
        }
        if (staff.existsByUsernameIgnoreCase(username)) {
            throw new InvalidInputException("Username", "The username " + username + " is already taken.");
        }
        String name = checkedName(in.displayName());
        String email = checkedEmail(in.email());
        if (in.role() == null) {
            throw new InvalidInputException("Role", "Choose a role.");
        }
        PasswordPolicy.problem(in.password(), username).ifPresent(p -> {
            throw new InvalidInputException("Password", p);
        });

        StaffMember member = new StaffMember(username, name, email,
                passwordEncoder.encode(in.password()), EnumSet.of(in.role()), clock.instant());
        place(member, in.role(), in.practiceId(), in.supervisedPracticeIds(), in.areaId());
        StaffSummary saved = StaffSummary.of(staff.save(member));
        audit("ACCOUNT_CREATED", "created " + saved.username() + " (" + in.role().label()
                + (saved.practice().isEmpty() ? "" : ", " + saved.practice()) + ")");
        return saved;
    }

    /** An account as the edit form shows it. */
    @Transactional(readOnly = true)
    public StaffDetails staffDetails(long staffId) {
        StaffMember m = staff.findById(staffId)
                .orElseThrow(() -> new InvalidInputException("Account", "That account no longer exists."));
        Role role = m.getRoles().stream().sorted().findFirst().orElse(null);
        return new StaffDetails(m.getId(), m.getUsername(), m.getDisplayName(), m.getEmail(), role,
                m.getPractice() == null ? null : m.getPractice().getId(),
                m.getSupervisedPractices().stream().map(Practice::getId).collect(Collectors.toSet()),
                m.getArea() == null ? null : m.getArea().getId(), m.getStaffRef(), m.getStartDate(),
                m.getSupervisor() == null ? null : m.getSupervisor().getId(), Training.valueOf(m.getTraining()));
    }

    /** Everyone who can be named as a trainee's supervisor. */
    @Transactional(readOnly = true)
    public List<StaffSummary> supervisors() {
        return staff.findAllWithPractice().stream().filter(s -> s.getRoles().contains(Role.SUPERVISOR))
                .map(StaffSummary::of).toList();
    }

    /**
     * Changes an account's name, email, role and place, staff id, start date, supervisor and training;
     * throws {@link InvalidInputException} naming the first field at fault. The username and password stay.
     */
    public StaffSummary updateStaff(long staffId, StaffChanges in) {
        StaffMember member = staff.findById(staffId)
                .orElseThrow(() -> new InvalidInputException("Account", "That account no longer exists."));
        String name = checkedName(in.displayName());
        String email = checkedEmail(in.email());
        if (in.role() == null) {
            throw new InvalidInputException("Role", "Choose a role.");
        }
        if (member.getRoles().contains(Role.ADMIN) && in.role() != Role.ADMIN
                && member.getUsername().equals(CurrentUser.username())) {
            throw new InvalidInputException("Role", "You cannot take the administrator role from your own account.");
        }
        String ref = in.staffRef() == null ? "" : in.staffRef().strip();
        if (!StaffRules.validStaffRef(ref)) {
            throw new InvalidInputException("Staff id", "Up to 50 letters, digits, dots, dashes or slashes, or leave it empty.");
        }
        if (!ref.isEmpty() && staff.existsByStaffRefAndIdNot(ref, staffId)) {
            throw new InvalidInputException("Staff id", "Another person already has staff id " + ref + ".");
        }
        LocalDate today = LocalDate.now(clock);
        if (in.startDate() != null && (in.startDate().isAfter(today.plusYears(1)) || in.startDate().getYear() < 1950)) {
            throw new InvalidInputException("Start date", "Give a start date from 1950 to a year from now, or leave it empty.");
        }
        StaffMember supervisor = null;
        if (in.supervisorId() != null) {
            supervisor = staff.findById(in.supervisorId()).filter(s -> s.getRoles().contains(Role.SUPERVISOR))
                    .orElseThrow(() -> new InvalidInputException("Supervisor", "Choose a supervisor, or leave it empty."));
            if (supervisor.getId().equals(staffId)) {
                throw new InvalidInputException("Supervisor", "A person cannot be their own supervisor.");
            }
        }
        member.setDisplayName(name);
        member.setEmail(email);
        member.getRoles().clear();
        member.getRoles().add(in.role());
        member.getSupervisedPractices().clear();
        member.setPractice(null);
        member.setArea(null);
        place(member, in.role(), in.practiceId(), in.supervisedPracticeIds(), in.areaId());
        member.setStaffRef(ref.isEmpty() ? null : ref);
        member.setStartDate(in.startDate());
        member.setSupervisor(supervisor);
        member.setTraining((in.training() == null ? Training.REQUIRED : in.training()).name());
        audit("ACCOUNT_CHANGED", member.getUsername() + ": " + in.role().label()
                + (member.getPractice() == null ? "" : ", " + member.getPractice().getName())
                + ", training " + member.getTraining());
        return StaffSummary.of(member);
    }

    /** Adds a PCN to an area. */
    public PcnSummary createPcn(Long areaId, String name) {
        Area area = areas.findById(areaId == null ? -1L : areaId)
                .orElseThrow(() -> new InvalidInputException("Area", "Choose the area the PCN belongs to."));
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new InvalidInputException("PCN name", "Enter the PCN's name (up to 200 characters).");
        }
        if (pcns.findAllWithArea().stream().anyMatch(p -> p.getArea().getId().equals(area.getId())
                && p.getName().equalsIgnoreCase(n))) {
            throw new InvalidInputException("PCN name", "The area already has a PCN called " + n + ".");
        }
        Pcn saved = pcns.save(new Pcn(area, n));
        audit("PCN_CREATED", n + " in " + area.getName());
        return new PcnSummary(saved.getId(), n, area.getName());
    }

    public void setEnabled(long staffId, boolean enabled) {
        StaffMember member = staff.findById(staffId)
                .orElseThrow(() -> new InvalidInputException("Account", "That account no longer exists."));
        if (!enabled && member.getRoles().contains(Role.ADMIN) && member.getUsername().equals(CurrentUser.username())) {
            throw new InvalidInputException("Account", "You cannot deactivate your own administrator account.");
        }
        member.setEnabled(enabled);
        audit(enabled ? "ACCOUNT_REACTIVATED" : "ACCOUNT_DEACTIVATED", member.getUsername());
    }

    public void resetPassword(long staffId, String newPassword) {
        StaffMember member = staff.findById(staffId)
                .orElseThrow(() -> new InvalidInputException("Account", "That account no longer exists."));
        PasswordPolicy.problem(newPassword, member.getUsername()).ifPresent(p -> {
            throw new InvalidInputException("New password", p);
        });
        member.setPasswordHash(passwordEncoder.encode(newPassword));
        audit("PASSWORD_RESET", "reset the password of " + member.getUsername());
    }

    public PracticeSummary createPractice(Long pcnId, String odsCode, String name) {
        Pcn pcn = pcns.findById(pcnId == null ? -1L : pcnId)
                .orElseThrow(() -> new InvalidInputException("PCN", "Choose the PCN the practice belongs to."));
        String ods = odsCode == null ? "" : odsCode.strip().toUpperCase(Locale.ROOT);
        if (!ODS_CODE.matcher(ods).matches()) {
            throw new InvalidInputException("ODS code", "An ODS code is a letter then 4 or 5 letters or digits, e.g. Y01234.");
        }
        if (practices.existsByOdsCodeIgnoreCase(ods)) {
            throw new InvalidInputException("ODS code", "A practice with ODS code " + ods + " already exists.");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new InvalidInputException("Practice name", "Enter the practice's name (up to 200 characters).");
        }
        PracticeSummary saved = PracticeSummary.of(practices.save(new Practice(pcn, ods, n)));
        audit("PRACTICE_CREATED", saved.label() + " in " + saved.pcn());
        return saved;
    }

    private static String checkedName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("Full name", "Enter the person's name (up to 200 characters).");
        }
        return name;
    }

    /** The email, or null when left empty. */
    private static String checkedEmail(String given) {
        String email = given == null ? "" : given.strip();
        if (!StaffRules.validEmail(email)) {
            throw new InvalidInputException("Email", "Enter an email address like name@example.nhs.uk, or leave it empty.");
        }
        return email.isEmpty() ? null : email;
    }

    /** Where the role applies: a trainee's practice, a supervisor's practices, a service lead's area. */
    private void place(StaffMember member, Role role, Long practiceId, Set<Long> supervisedIds, Long areaId) {
        switch (role) {
            case TRAINEE -> member.setPractice(practiceOrFail(practiceId, "Practice",
                    "A trainee works at a practice: choose one."));
            case SUPERVISOR -> {
                if (supervisedIds == null || supervisedIds.isEmpty()) {
                    throw new InvalidInputException("Supervised practices", "Choose at least one practice to supervise.");
                }
                Set<Practice> supervised = new HashSet<>();
                for (Long id : supervisedIds) {
                    supervised.add(practiceOrFail(id, "Supervised practices", "A chosen practice no longer exists."));
                }
                member.getSupervisedPractices().addAll(supervised);
                member.setPractice(practiceId != null && supervisedIds.contains(practiceId)
                        ? practiceOrFail(practiceId, "Practice", "That practice no longer exists.") : supervised.iterator().next());
            }
            case SERVICE_LEAD -> member.setArea(areas.findById(areaId == null ? -1L : areaId)
                    .orElseThrow(() -> new InvalidInputException("Area", "A service lead covers an area: choose one.")));
            case ADMIN -> { }
        }
    }

    private void audit(String action, String detail) {
        events.publishEvent(new AuditedAction(CurrentUser.username(), action, detail));
    }

    private Practice practiceOrFail(Long id, String field, String message) {
        return practices.findById(id == null ? -1L : id).orElseThrow(() -> new InvalidInputException(field, message));
    }
}
