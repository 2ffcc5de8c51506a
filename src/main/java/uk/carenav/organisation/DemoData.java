package uk.carenav.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A fictional area for demonstrations and first runs: 2 PCNs, 4 practices and one account of each role.
 * Every demo account has the password {@value #PASSWORD}. Names and codes are invented.
 */
@Component
class DemoData {

    static final String PASSWORD = "carenav-demo";

    private final AreaRepository areas;
    private final PcnRepository pcns;
    private final PracticeRepository practices;
    private final StaffMemberRepository staff;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoData(AreaRepository areas, PcnRepository pcns, PracticeRepository practices, StaffMemberRepository staff,
            PasswordEncoder passwordEncoder, Clock clock) {
        this.areas = areas;
        this.pcns = pcns;
        this.practices = practices;
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    void load() {
        Area area = areas.save(new Area("Northvale Place (demo)"));
        Pcn riverside = pcns.save(new Pcn(area, "Riverside PCN"));
        Pcn hillcrest = pcns.save(new Pcn(area, "Hillcrest PCN"));
        List<Practice> p = List.of(
                practices.save(new Practice(riverside, "X90001", "Riverside Surgery")),
                practices.save(new Practice(riverside, "X90002", "Quayside Medical Centre")),
                practices.save(new Practice(hillcrest, "X90003", "Hillcrest Health Centre")),
                practices.save(new Practice(hillcrest, "X90004", "Orchard Lane Practice")));

        // One hash for all demo accounts: they share a published password anyway.
        String hash = passwordEncoder.encode(PASSWORD);
        Instant now = clock.instant();

        trainee("trainee1", "Alex Morgan", p.get(0), hash, now);
        trainee("trainee2", "Priya Shah", p.get(0), hash, now);
        trainee("trainee3", "Tom Bennett", p.get(1), hash, now);
        trainee("trainee4", "Grace Okafor", p.get(2), hash, now);
        trainee("trainee5", "Daniel Hughes", p.get(3), hash, now);
        trainee("trainee6", "Sophie Clarke", p.get(3), hash, now);

        supervisor("supervisor1", "Helen Price", Set.of(p.get(0), p.get(1)), hash, now);
        supervisor("supervisor2", "Mark Ellis", Set.of(p.get(2), p.get(3)), hash, now);

        StaffMember lead = new StaffMember("lead1", "Ruth Adebayo", "lead1@example.invalid", hash,
                EnumSet.of(Role.SERVICE_LEAD), now);
        lead.setArea(area);
        staff.save(lead);

        StaffMember reviewer = new StaffMember("reviewer1", "Dr Nadia Rahman", "reviewer1@example.invalid", hash,
                EnumSet.of(Role.CLINICAL_REVIEWER), now);
        reviewer.setPractice(p.get(0));
        staff.save(reviewer);

        staff.save(new StaffMember("admin", "Demo Administrator", "admin@example.invalid", hash,
                EnumSet.of(Role.ADMIN), now));
    }

    private void trainee(String username, String name, Practice practice, String hash, Instant now) {
        StaffMember s = new StaffMember(username, name, username + "@example.invalid", hash, EnumSet.of(Role.TRAINEE), now);
        s.setPractice(practice);
        staff.save(s);
    }

    private void supervisor(String username, String name, Set<Practice> supervised, String hash, Instant now) {
        StaffMember s = new StaffMember(username, name, username + "@example.invalid", hash,
                EnumSet.of(Role.SUPERVISOR), now);
        s.getSupervisedPractices().addAll(supervised);
        s.setPractice(supervised.stream().min(Comparator.comparing(Practice::getOdsCode)).orElseThrow());
        staff.save(s);
    }
}
