package uk.carenav.directory;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.AuditedAction;
import uk.carenav.base.CurrentUser;
import uk.carenav.base.InvalidInputException;
import uk.carenav.base.SpreadsheetText;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffProfile;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * Each practice's local service directory: for a catalogue route, the name the practice uses and how to
 * refer or self-refer. The route picker shows these names; scenarios still mark against the catalogue route,
 * so one scenario trains every practice on its own services.
 */
@Service
public class ServiceDirectory {

    /** A practice's own service for a catalogue route. */
    public record LocalService(String routeId, String name, String access, String contact, String hours, String notes) {
    }

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final ScenarioLibrary library;
    private final ApplicationEventPublisher events;

    ServiceDirectory(JdbcClient jdbc, StaffDirectory staff, ScenarioLibrary library, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.library = library;
        this.events = events;
    }

    /** The signed-in person's practice's directory, by route id (empty when they have no practice). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<String, LocalService> forMyPractice() {
        StaffProfile me = staff.currentProfile();
        return me.practiceId() == null ? Map.of() : read(me.practiceId());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Map<String, LocalService> forPractice(long practiceId) {
        return read(practiceId);
    }

    /** Catalogue routes the practice has no local service for. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Catalogue.Route> gaps(long practiceId) {
        Map<String, LocalService> have = read(practiceId);
        return library.current().catalogue().services().stream().filter(r -> !have.containsKey(r.id())).toList();
    }

    /** Saves (adds or replaces) a practice's service for a route; every field is checked here. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void save(long practiceId, LocalService s) {
        if (s.routeId() == null || !library.current().catalogue().routes().containsKey(s.routeId())) {
            throw new InvalidInputException("Route", "Choose one of the catalogue routes.");
        }
        String name = clean(s.name(), "Local name", 200, true);
        String access = clean(s.access(), "How to refer or self-refer", 500, false);
        String contact = clean(s.contact(), "Phone or web address", 200, false);
        String hours = clean(s.hours(), "Opening hours", 200, false);
        String notes = clean(s.notes(), "Eligibility notes", 1000, false);
        jdbc.sql("delete from local_service where practice_id = ? and route_id = ?").params(practiceId, s.routeId()).update();
        jdbc.sql("""
                insert into local_service (practice_id, route_id, name, access, contact, hours, notes)
                values (?, ?, ?, ?, ?, ?, ?)""").params(practiceId, s.routeId(), name, access, contact, hours, notes).update();
        events.publishEvent(new AuditedAction(CurrentUser.username(),
                "LOCAL_SERVICE_SAVED", "practice " + practiceId + ", " + s.routeId() + ": " + name));
    }

    /** The routes whose service at this practice is the one its PCN shares (no entry of the practice's own). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Set<String> sharedByPcn(long practiceId) {
        Set<String> shared = new HashSet<>(jdbc.sql("""
                select s.route_id from pcn_local_service s join practice p on p.pcn_id = s.pcn_id where p.id = ?""")
                .param(practiceId).query(String.class).list());
        shared.removeAll(jdbc.sql("select route_id from local_service where practice_id = ?").param(practiceId)
                .query(String.class).list());
        return shared;
    }

    /** The practice's directory: its PCN's shared entries, with the practice's own entries in their place. */
    private Map<String, LocalService> read(long practiceId) {
        Map<String, LocalService> out = new TreeMap<>();
        jdbc.sql("""
                select s.route_id, s.name, s.access, s.contact, s.hours, s.notes
                from pcn_local_service s join practice p on p.pcn_id = s.pcn_id where p.id = ?""")
                .param(practiceId)
                .query((rs, n) -> new LocalService(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list().forEach(s -> out.put(s.routeId(), s));
        jdbc.sql("select route_id, name, access, contact, hours, notes from local_service where practice_id = ?")
                .param(practiceId)
                .query((rs, n) -> new LocalService(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list().forEach(s -> out.put(s.routeId(), s));
        return new LinkedHashMap<>(out);
    }

    static String clean(String value, String field, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw new InvalidInputException(field, "Enter the " + field.toLowerCase() + ".");
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "Keep the " + field.toLowerCase() + " under " + max + " characters.");
        }
        if (SpreadsheetText.startsLikeFormula(v) && !v.matches("\\+?[0-9 ()-]+")) {
            throw new InvalidInputException(field, "Do not start with =, +, - or @ (spreadsheets treat that as a formula).");
        }
        return v.isEmpty() ? null : v;
    }
}
