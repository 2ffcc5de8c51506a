package uk.carenav.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.InvalidInputException;

/** The organisation services against the real (in-memory) H2 with the demo data. */
@SpringBootTest
@Transactional
class OrganisationServicesTest {

    @Autowired
    OrganisationAdmin admin;
    @Autowired
    StaffDirectory directory;
    @Autowired
    StaffMemberRepository staff;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    @WithUserDetails("admin")
    void adminAddsATraineeWithAHashedPassword() {
        long practiceId = admin.allPractices().get(0).id();
        StaffSummary created = admin.createStaff(new NewStaffMember(" New.Trainee ", "Jo Patel", "jo@example.invalid",
                Role.TRAINEE, practiceId, Set.of(), null, "violet-kettle-orchard"));

        assertThat(created.username()).isEqualTo("new.trainee");
        StaffMember stored = staff.findByUsernameIgnoreCase("new.trainee").orElseThrow();
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("violet");
        assertThat(passwordEncoder.matches("violet-kettle-orchard", stored.getPasswordHash())).isTrue();
        assertThat(stored.getPractice().getId()).isEqualTo(practiceId);
    }

    @Test
    @WithUserDetails("admin")
    void eachBadFieldIsNamed() {
        long practiceId = admin.allPractices().get(0).id();
        assertField(() -> admin.createStaff(new NewStaffMember("x", "A", null, Role.TRAINEE, practiceId, Set.of(), null,
                "violet-kettle-orchard")), "Username");
        assertField(() -> admin.createStaff(new NewStaffMember("trainee1", "A", null, Role.TRAINEE, practiceId, Set.of(),
                null, "violet-kettle-orchard")), "Username");
        assertField(() -> admin.createStaff(new NewStaffMember("jo1", " ", null, Role.TRAINEE, practiceId, Set.of(), null,
                "violet-kettle-orchard")), "Full name");
        assertField(() -> admin.createStaff(new NewStaffMember("jo1", "Jo", "not-an-email", Role.TRAINEE, practiceId,
                Set.of(), null, "violet-kettle-orchard")), "Email");
        assertField(() -> admin.createStaff(new NewStaffMember("jo1", "Jo", null, null, practiceId, Set.of(), null,
                "violet-kettle-orchard")), "Role");
        assertField(() -> admin.createStaff(new NewStaffMember("jo1", "Jo", null, Role.TRAINEE, practiceId, Set.of(),
                null, "password1234")), "Password");
        assertField(() -> admin.createStaff(new NewStaffMember("jo1", "Jo", null, Role.TRAINEE, null, Set.of(), null,
                "violet-kettle-orchard")), "Practice");
        assertField(() -> admin.createStaff(new NewStaffMember("jo1", "Jo", null, Role.SUPERVISOR, null, Set.of(), null,
                "violet-kettle-orchard")), "Supervised practices");
        assertField(() -> admin.createStaff(new NewStaffMember("jo1", "Jo", null, Role.SERVICE_LEAD, null, Set.of(),
                null, "violet-kettle-orchard")), "Area");
        assertThat(staff.existsByUsernameIgnoreCase("jo1")).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void practicesNeedAValidUniqueOdsCode() {
        long pcnId = admin.allPcns().get(0).id();
        assertField(() -> admin.createPractice(pcnId, "12", "Bad Code Surgery"), "ODS code");
        assertField(() -> admin.createPractice(pcnId, "x90001", "Duplicate Surgery"), "ODS code");
        assertField(() -> admin.createPractice(null, "X90009", "No PCN Surgery"), "PCN");
        assertThat(admin.createPractice(pcnId, "x90009", " Brookside Surgery ").label())
                .isEqualTo("Brookside Surgery (X90009)");
    }

    @Test
    @WithUserDetails("admin")
    void deactivatedAccountCannotSignInAndAdminCannotLockThemselvesOut() {
        long traineeId = staff.findByUsernameIgnoreCase("trainee6").orElseThrow().getId();
        admin.setEnabled(traineeId, false);
        assertThat(directory.credentialsFor("trainee6").orElseThrow().enabled()).isFalse();

        long adminId = staff.findByUsernameIgnoreCase("admin").orElseThrow().getId();
        assertField(() -> admin.setEnabled(adminId, false), "Account");
    }

    @Test
    @WithUserDetails("supervisor1")
    void supervisorSeesOnlyTheirPractices() {
        assertThat(directory.myTrainees()).extracting(StaffSummary::username)
                .containsExactlyInAnyOrder("trainee1", "trainee2", "trainee3");
    }

    @Test
    @WithUserDetails("trainee1")
    void otherRolesAreRefusedByTheServicesThemselves() {
        assertThatThrownBy(() -> directory.myTrainees()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.myAreaId()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.allStaff()).isInstanceOf(AccessDeniedException.class);
        assertThat(directory.currentProfile().practice()).isEqualTo("Riverside Surgery");
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void supervisorCannotAdministerAccounts() {
        assertThatThrownBy(() -> admin.resetPassword(1L, "violet-kettle-orchard"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThatThrownBy(() -> directory.currentProfile()).isInstanceOf(
                AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> admin.allPractices()).isInstanceOf(
                AuthenticationCredentialsNotFoundException.class);
    }

    private static void assertField(ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorChangesAPersonsPlaceSupervisorAndTraining() {
        long trainee = admin.allStaff().stream().filter(s -> s.username().equals("trainee1")).findFirst().orElseThrow().id();
        long supervisor = admin.supervisors().stream().filter(s -> s.username().equals("supervisor1")).findFirst().orElseThrow().id();
        long quayside = admin.allPractices().stream().filter(p -> p.odsCode().equals("X90002")).findFirst().orElseThrow().id();
        StaffDetails before = admin.staffDetails(trainee);
        assertThat(before.training()).isEqualTo(Training.REQUIRED);

        admin.updateStaff(trainee, new StaffChanges("Amira Khan-Lee", "amira@example.invalid", Role.TRAINEE, quayside, null,
                null, "E123", LocalDate.of(2026, 3, 2), supervisor, Training.LONG_TERM_LEAVE));
        StaffDetails after = admin.staffDetails(trainee);
        assertThat(after.displayName()).isEqualTo("Amira Khan-Lee");
        assertThat(after.practiceId()).isEqualTo(quayside);
        assertThat(after.staffRef()).isEqualTo("E123");
        assertThat(after.startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(after.supervisorId()).isEqualTo(supervisor);
        assertThat(after.training()).isEqualTo(Training.LONG_TERM_LEAVE);

        long trainee2 = admin.allStaff().stream().filter(s -> s.username().equals("trainee2")).findFirst().orElseThrow().id();
        StaffChanges sameRef = new StaffChanges("Priya Shah", null, Role.TRAINEE, quayside, null, null, "E123", null, null,
                Training.REQUIRED);
        assertThatThrownBy(() -> admin.updateStaff(trainee2, sameRef)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("Staff id"));
        StaffChanges notASupervisor = new StaffChanges("Priya Shah", null, Role.TRAINEE, quayside, null, null, null, null,
                trainee, Training.REQUIRED);
        assertThatThrownBy(() -> admin.updateStaff(trainee2, notASupervisor)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("Supervisor"));
        StaffChanges noPractice = new StaffChanges("Priya Shah", null, Role.TRAINEE, null, null, null, null, null, null,
                Training.REQUIRED);
        assertThatThrownBy(() -> admin.updateStaff(trainee2, noPractice)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("Practice"));
        StaffChanges future = new StaffChanges("Priya Shah", null, Role.TRAINEE, quayside, null, null, null,
                LocalDate.now().plusYears(3), null, Training.REQUIRED);
        assertThatThrownBy(() -> admin.updateStaff(trainee2, future)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("Start date"));
        // A trainee becomes a supervisor of two practices.
        admin.updateStaff(trainee2, new StaffChanges("Priya Shah", null, Role.SUPERVISOR, null,
                Set.of(quayside), null, null, null, null, Training.REQUIRED));
        assertThat(admin.staffDetails(trainee2).role()).isEqualTo(Role.SUPERVISOR);
        assertThat(admin.staffDetails(trainee2).supervisedPracticeIds()).containsExactly(quayside);
    }

    @Test
    @WithUserDetails("admin")
    void pcnsAreAddedToAnAreaWithUniqueNames() {
        long area = admin.allAreas().get(0).id();
        PcnSummary pcn = admin.createPcn(area, "Estuary PCN");
        assertThat(admin.allPcns()).extracting(PcnSummary::name).contains("Estuary PCN");
        assertThat(admin.createPractice(pcn.id(), "Y01234", "Estuary Surgery").pcn()).isEqualTo("Estuary PCN");
        assertThatThrownBy(() -> admin.createPcn(area, "estuary pcn")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("PCN name"));
        assertThatThrownBy(() -> admin.createPcn(null, "Another")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("Area"));
    }
}
