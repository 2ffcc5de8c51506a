package uk.carenav.organisation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.AuditedAction;
import uk.carenav.base.CurrentUser;
import uk.carenav.base.InvalidInputException;
import uk.carenav.base.SpreadsheetText;

/**
 * Brings a practice roster in from CSV (one row per person; the columns are {@link #COLUMNS}). A preview reads
 * and checks every row and writes nothing; applying it then writes everyone in one transaction, either only when
 * every row is valid or skipping the rows with problems. People already here are matched by staff id, then by
 * email, and updated; everyone else is added with an account that has no usable password until an administrator
 * sets one.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class RosterImport {

    /** The columns, in the order of the template. */
    public static final List<String> COLUMNS = List.of("staff_id", "email", "full_name", "role", "practice_ods",
            "start_date", "supervisor", "training", "username");
    public static final int MAX_ROWS = 50_000;
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** A problem with one cell (or a whole row when {@code column} is null); row 1 is the header. */
    public record RowError(long row, String column, String message) {
        @Override
        public String toString() {
            return "Row " + row + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    /** One valid row: who, and whether they are new or which account they update. */
    public record Person(long row, Long existingId, String staffId, String email, String fullName, Role role,
            String practiceOds, LocalDate startDate, String supervisor, String training, String username) {
        public boolean isNew() {
            return existingId == null;
        }
    }

    /** What the file would do: valid rows, problems by row and column, and how many rows it read. */
    public record Preview(List<Person> people, List<RowError> errors, int rows) {
        public long newPeople() {
            return people.stream().filter(Person::isNew).count();
        }

        public long updates() {
            return people.size() - newPeople();
        }

        /** True when the file could not be read at all (no row can be imported). */
        public boolean unreadable() {
            return people.isEmpty() && errors.stream().anyMatch(e -> e.row() <= 1 && e.column() == null);
        }
    }

    /** Whether to import only a clean file, or the valid rows of a file with problems. */
    public enum Mode { ALL_OR_NOTHING, VALID_ROWS_ONLY }

    /** What an import wrote. */
    public record Result(int added, int updated, int skipped) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RosterImport(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.events = events;
    }

    /** The template: the header and two example rows (fictional people). */
    public byte[] template() {
        return csv(List.of(
                List.of("E10001", "sam.patel@example.nhs.uk", "Sam Patel", "trainee", "X90001", "2026-09-01", "supervisor1",
                        "required", ""),
                List.of("E10002", "jo.evans@example.nhs.uk", "Jo Evans", "trainee", "X90001", "2025-04-14", "",
                        "long-term leave", "")));
    }

    /** Everyone at a practice with a trainee or supervisor role, in the import's columns (re-importable). */
    @Transactional(readOnly = true)
    public byte[] export() {
        List<List<String>> rows = jdbc.query("""
                select s.staff_ref, s.email, s.display_name, r.role, p.ods_code, s.start_date, sup.username, s.training, s.username
                from staff_member s join staff_role r on r.staff_id = s.id and r.role in ('TRAINEE', 'SUPERVISOR')
                join practice p on p.id = s.practice_id left join staff_member sup on sup.id = s.supervisor_id
                order by p.ods_code, s.display_name""", (rs, n) -> {
                    Date start = rs.getDate(6);
                    return List.of(nz(rs.getString(1)), nz(rs.getString(2)), rs.getString(3),
                            rs.getString(4).toLowerCase(Locale.ROOT), rs.getString(5), start == null ? "" : start.toString(),
                            nz(rs.getString(7)), trainingWord(rs.getString(8)), rs.getString(9));
                });
        return csv(rows);
    }

    /** Reads the file and checks every row against the database. Writes nothing. */
    @Transactional(readOnly = true)
    public Preview preview(byte[] bytes) {
        List<RowError> errors = new ArrayList<>();
        var upload = SpreadsheetText.uploadedCsv(bytes, MAX_BYTES, "the file is larger than 10 MB; split it by PCN");
        if (upload.problem() != null) {
            return fileError(1, upload.problem());
        }
        String text = upload.text();

        Existing here = existing();
        List<Person> people = new ArrayList<>();
        Map<String, Long> staffIdRow = new HashMap<>();
        Map<String, Long> emailRow = new HashMap<>();
        Map<String, Long> usernameRow = new HashMap<>();
        Set<String> supervisorsInFile = new HashSet<>();
        List<String[]> supervisorRefs = new ArrayList<>();
        int rows = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            if (!header.equals(COLUMNS)) {
                return fileError(1, "the columns must be " + String.join(",", COLUMNS) + " in that order (found "
                        + String.join(",", header) + "); download the template");
            }
            for (CSVRecord r : parser) {
                rows++;
                long row = r.getRecordNumber() + 1;
                if (rows > MAX_ROWS) {
                    errors.add(new RowError(row, null, "more than " + MAX_ROWS + " rows; split the file"));
                    break;
                }
                if (r.size() != COLUMNS.size()) {
                    errors.add(new RowError(row, null, "has " + r.size() + " cells; expected " + COLUMNS.size()));
                    continue;
                }
                int before = errors.size();
                for (String col : COLUMNS) {
                    String v = r.get(col);
                    if (SpreadsheetText.startsLikeFormula(v)) {
                        errors.add(new RowError(row, col, "starts with '" + v.charAt(0) + "': spreadsheet formulas are not allowed"));
                    }
                }
                if (errors.size() > before) {
                    continue;
                }
                String staffId = r.get("staff_id");
                String email = r.get("email").toLowerCase(Locale.ROOT);
                if (staffId.isEmpty() && email.isEmpty()) {
                    errors.add(new RowError(row, "staff_id", "give the staff id or the email, so the person can be matched next time"));
                }
                if (!StaffRules.validStaffRef(staffId)) {
                    errors.add(new RowError(row, "staff_id", "'" + staffId + "' should be up to 50 letters, digits, dots, dashes or slashes"));
                } else if (!staffId.isEmpty() && staffIdRow.putIfAbsent(staffId, row) != null) {
                    errors.add(new RowError(row, "staff_id", "'" + staffId + "' is also on row " + staffIdRow.get(staffId)));
                }
                if (!StaffRules.validEmail(email)) {
                    errors.add(new RowError(row, "email", "'" + email + "' is not an email address"));
                } else if (!email.isEmpty() && emailRow.putIfAbsent(email, row) != null) {
                    errors.add(new RowError(row, "email", "'" + email + "' is also on row " + emailRow.get(email)));
                }
                String name = r.get("full_name");
                if (name.isEmpty() || name.length() > 200) {
                    errors.add(new RowError(row, "full_name", "give the person's name (up to 200 characters)"));
                }
                Role role = switch (r.get("role").toLowerCase(Locale.ROOT)) {
                    case "trainee", "care navigator" -> Role.TRAINEE;
                    case "supervisor" -> Role.SUPERVISOR;
                    default -> null;
                };
                if (role == null) {
                    errors.add(new RowError(row, "role", "'" + r.get("role") + "' should be trainee or supervisor"));
                }
                String ods = r.get("practice_ods").toUpperCase(Locale.ROOT);
                if (!here.practiceIds.containsKey(ods)) {
                    errors.add(new RowError(row, "practice_ods", ods.isEmpty() ? "give the practice's ODS code"
                            : "no practice has the ODS code '" + ods + "'; add it under Practices first"));
                }
                LocalDate start = null;
                String startText = r.get("start_date");
                if (!startText.isEmpty()) {
                    try {
                        start = startText.contains("/") ? LocalDate.parse(startText, UK_DATE) : LocalDate.parse(startText);
                        if (start.isBefore(LocalDate.of(1950, 1, 1)) || start.isAfter(LocalDate.now(clock).plusYears(1))) {
                            errors.add(new RowError(row, "start_date", startText + " is not a plausible start date"));
                        }
                    } catch (DateTimeParseException e) {
                        errors.add(new RowError(row, "start_date", "'" + startText + "' should be a date like 2026-09-01 or 01/09/2026"));
                    }
                }
                String training = switch (r.get("training").toLowerCase(Locale.ROOT)) {
                    case "", "required", "yes" -> "REQUIRED";
                    case "not required", "no" -> "NOT_REQUIRED";
                    case "long-term leave", "long term leave" -> "LONG_TERM_LEAVE";
                    default -> null;
                };
                if (training == null) {
                    errors.add(new RowError(row, "training", "'" + r.get("training")
                            + "' should be required, not required or long-term leave"));
                }
                // Who this row is: by staff id, then email. Both pointing at different people is a mistake.
                Long byId = staffId.isEmpty() ? null : here.byStaffId.get(staffId);
                Long byEmail = email.isEmpty() ? null : here.byEmail.get(email);
                if (byId != null && byEmail != null && !byId.equals(byEmail)) {
                    errors.add(new RowError(row, "email", "belongs to " + here.usernames.get(byEmail) + ", but staff id "
                            + staffId + " is " + here.usernames.get(byId)));
                }
                Long existing = byId != null ? byId : byEmail;
                if (existing != null && byId == null && !staffId.isEmpty() && here.staffIdOf.get(existing) != null) {
                    errors.add(new RowError(row, "staff_id", "the person with this email has staff id "
                            + here.staffIdOf.get(existing) + ", not " + staffId));
                }
                if (existing != null && role != null && !here.roles.getOrDefault(existing, Set.of()).contains(role)) {
                    errors.add(new RowError(row, "role", here.usernames.get(existing) + " is not a " + role.label().toLowerCase(Locale.ROOT)
                            + " here; change their role under Users first"));
                }
                String username = r.get("username").toLowerCase(Locale.ROOT);
                if (existing != null) {
                    if (!username.isEmpty() && !username.equals(here.usernames.get(existing))) {
                        errors.add(new RowError(row, "username", "is " + here.usernames.get(existing) + " here; usernames cannot be changed by import"));
                    }
                    username = here.usernames.get(existing);
                } else if (!username.isEmpty()) {
                    if (!StaffRules.validUsername(username)) {
                        errors.add(new RowError(row, "username", "use 3 to 50 lower-case letters, digits, dots, dashes or underscores"));
                    } else if (here.byUsername.containsKey(username)) {
                        errors.add(new RowError(row, "username", "'" + username + "' is already taken"));
                    }
                }
                if (!username.isEmpty() && usernameRow.putIfAbsent(username, row) != null) {
                    errors.add(new RowError(row, "username", "'" + username + "' is also on row " + usernameRow.get(username)));
                }
                String supervisor = r.get("supervisor").toLowerCase(Locale.ROOT);
                if (!supervisor.isEmpty()) {
                    supervisorRefs.add(new String[] {Long.toString(row), supervisor});
                }
                if (errors.size() == before) {
                    if (role == Role.SUPERVISOR) {
                        supervisorsInFile.add(staffId.toLowerCase(Locale.ROOT));
                        supervisorsInFile.add(email);
                        supervisorsInFile.add(username);
                    }
                    people.add(new Person(row, existing, staffId.isEmpty() ? null : staffId, email.isEmpty() ? null : email,
                            name, role, ods, start, supervisor.isEmpty() ? null : supervisor, training,
                            username.isEmpty() ? null : username));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(new RowError(rows + 1, null, "cannot read the CSV here: " + e.getMessage()));
        }
        // Supervisors: an existing supervisor (username, staff id or email) or a supervisor row of this file.
        Set<Long> badRows = new HashSet<>();
        for (String[] ref : supervisorRefs) {
            if (here.supervisor(ref[1]) == null && !supervisorsInFile.contains(ref[1])) {
                long row = Long.parseLong(ref[0]);
                errors.add(new RowError(row, "supervisor", "'" + ref[1] + "' is not a supervisor here or in this file"));
                badRows.add(row);
            }
        }
        if (!badRows.isEmpty()) {
            people.removeIf(p -> badRows.contains(p.row()));
        }
        if (rows == 0 && errors.isEmpty()) {
            errors.add(new RowError(1, null, "the file has a header but no people"));
        }
        errors.sort(Comparator.comparingLong(RowError::row));
        return new Preview(List.copyOf(people), List.copyOf(errors), rows);
    }

    /**
     * Writes a previewed file in one transaction. {@code progress} hears how many people have been written.
     * All or nothing refuses a file with any problem; valid rows only skips the rows with problems.
     */
    @Transactional
    public Result apply(Preview preview, Mode mode, IntConsumer progress) {
        if (preview.people().isEmpty()) {
            throw new InvalidInputException("File", "There is nobody to import: " + (preview.errors().isEmpty()
                    ? "the file is empty." : preview.errors().get(0)));
        }
        if (mode == Mode.ALL_OR_NOTHING && !preview.errors().isEmpty()) {
            throw new InvalidInputException("File", "The file has " + preview.errors().size()
                    + " problems. Fix them, or choose to import only the valid rows.");
        }
        Existing here = existing();
        Timestamp now = Timestamp.from(clock.instant());
        // One hash of a random secret nobody keeps: new accounts cannot sign in until an administrator sets a password.
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String unusable = encoder.encode(Base64.getEncoder().encodeToString(secret));

        List<Person> added = preview.people().stream().filter(Person::isNew).toList();
        List<Person> updated = preview.people().stream().filter(p -> !p.isNew()).toList();
        Set<String> taken = new HashSet<>(here.byUsername.keySet());
        preview.people().stream().map(Person::username).filter(Objects::nonNull).forEach(taken::add);
        Map<Person, String> usernames = new HashMap<>();
        for (Person p : added) {
            usernames.put(p, p.username() != null ? p.username() : freeUsername(p, taken));
        }
        int done = 0;
        for (int from = 0; from < added.size(); from += 500) {
            List<Person> batch = added.subList(from, Math.min(added.size(), from + 500));
            jdbc.batchUpdate("""
                    insert into staff_member (username, display_name, email, password_hash, enabled, practice_id, created_at,
                                              staff_ref, start_date, training)
                    values (?, ?, ?, ?, true, ?, ?, ?, ?, ?)""", batch, batch.size(), (ps, p) -> {
                ps.setString(1, usernames.get(p));
                ps.setString(2, p.fullName());
                ps.setString(3, p.email());
                ps.setString(4, unusable);
                ps.setLong(5, here.practiceIds.get(p.practiceOds()));
                ps.setTimestamp(6, now);
                ps.setString(7, p.staffId());
                ps.setDate(8, p.startDate() == null ? null : Date.valueOf(p.startDate()));
                ps.setString(9, p.training());
            });
            done += batch.size();
            progress.accept(done);
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select id, username from staff_member", rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        });
        jdbc.batchUpdate("insert into staff_role (staff_id, role) values (?, ?)", added, 500, (ps, p) -> {
            ps.setLong(1, ids.get(usernames.get(p)));
            ps.setString(2, p.role().name());
        });
        for (int from = 0; from < updated.size(); from += 500) {
            List<Person> batch = updated.subList(from, Math.min(updated.size(), from + 500));
            jdbc.batchUpdate("""
                    update staff_member set display_name = ?, email = ?, practice_id = ?, staff_ref = coalesce(?, staff_ref),
                           start_date = ?, training = ? where id = ?""", batch, batch.size(), (ps, p) -> {
                ps.setString(1, p.fullName());
                ps.setString(2, p.email() != null ? p.email() : here.emailOf.get(p.existingId()));
                ps.setLong(3, here.practiceIds.get(p.practiceOds()));
                ps.setString(4, p.staffId());
                ps.setDate(5, p.startDate() == null ? null : Date.valueOf(p.startDate()));
                ps.setString(6, p.training());
                ps.setLong(7, p.existingId());
            });
            done += batch.size();
            progress.accept(done);
        }
        // Supervisors look after their practice; everyone's named supervisor is resolved now all accounts exist.
        Existing after = existing();
        List<Object[]> supervised = new ArrayList<>();
        List<Object[]> supervisorOf = new ArrayList<>();
        for (Person p : preview.people()) {
            long id = p.isNew() ? ids.get(usernames.get(p)) : p.existingId();
            long practice = here.practiceIds.get(p.practiceOds());
            if (p.role() == Role.SUPERVISOR && !after.supervises.contains(id + ":" + practice)) {
                supervised.add(new Object[] {id, practice});
            }
            supervisorOf.add(new Object[] {p.supervisor() == null ? null : after.supervisor(p.supervisor()), id});
        }
        jdbc.batchUpdate("insert into supervised_practice (staff_id, practice_id) values (?, ?)", supervised);
        jdbc.batchUpdate("update staff_member set supervisor_id = ? where id = ?", supervisorOf);
        Result result = new Result(added.size(), updated.size(), preview.errors().isEmpty() ? 0
                : (int) preview.errors().stream().map(RowError::row).distinct().count());
        events.publishEvent(new AuditedAction(CurrentUser.username(), "ROSTER_IMPORTED", result.added() + " added, "
                + result.updated() + " updated, " + result.skipped() + " rows skipped (" + mode + ")"));
        return result;
    }

    /** A username from the email's local part or the name, made unique with a number. */
    private static String freeUsername(Person p, Set<String> taken) {
        String base = (p.email() != null ? p.email().substring(0, p.email().indexOf('@')) : p.fullName())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", ".").replaceAll("^[._-]+|[._-]+$", "");
        if (base.length() < 3) {
            base = "staff." + base;
        }
        base = base.length() > 44 ? base.substring(0, 44) : base;
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + n;
        }
        taken.add(candidate);
        return candidate;
    }

    /** The accounts and practices the file is checked against, read once. */
    private static final class Existing {
        final Map<String, Long> practiceIds = new HashMap<>();
        final Map<String, Long> byStaffId = new HashMap<>();
        final Map<String, Long> byStaffIdLower = new HashMap<>();
        final Map<String, Long> byEmail = new HashMap<>();
        final Map<String, Long> byUsername = new HashMap<>();
        final Map<Long, String> usernames = new HashMap<>();
        final Map<Long, String> staffIdOf = new HashMap<>();
        final Map<Long, String> emailOf = new HashMap<>();
        final Map<Long, Set<Role>> roles = new HashMap<>();
        final Set<String> supervises = new HashSet<>();

        /** An existing supervisor by username, staff id or email; null when there is none. */
        Long supervisor(String ref) {
            Long id = byUsername.get(ref);
            if (id == null) {
                id = byEmail.get(ref);
            }
            if (id == null) {
                id = byStaffIdLower.get(ref);
            }
            return id != null && roles.getOrDefault(id, Set.of()).contains(Role.SUPERVISOR) ? id : null;
        }
    }

    private Existing existing() {
        Existing e = new Existing();
        jdbc.query("select id, ods_code from practice", rs -> {
            e.practiceIds.put(rs.getString(2).toUpperCase(Locale.ROOT), rs.getLong(1));
        });
        jdbc.query("select id, username, staff_ref, email from staff_member", rs -> {
            long id = rs.getLong(1);
            e.byUsername.put(rs.getString(2), id);
            e.usernames.put(id, rs.getString(2));
            if (rs.getString(3) != null) {
                e.byStaffId.put(rs.getString(3), id);
                e.byStaffIdLower.put(rs.getString(3).toLowerCase(Locale.ROOT), id);
                e.staffIdOf.put(id, rs.getString(3));
            }
            if (rs.getString(4) != null) {
                e.byEmail.put(rs.getString(4).toLowerCase(Locale.ROOT), id);
                e.emailOf.put(id, rs.getString(4));
            }
        });
        jdbc.query("select staff_id, role from staff_role", rs -> {
            e.roles.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(Role.valueOf(rs.getString(2)));
        });
        jdbc.query("select staff_id, practice_id from supervised_practice", rs -> {
            e.supervises.add(rs.getLong(1) + ":" + rs.getLong(2));
        });
        return e;
    }

    private static Preview fileError(long row, String message) {
        return new Preview(List.of(), List.of(new RowError(row, null, message)), 0);
    }

    private static String trainingWord(String code) {
        return switch (code) {
            case "NOT_REQUIRED" -> "not required";
            case "LONG_TERM_LEAVE" -> "long-term leave";
            default -> "required";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static byte[] csv(List<List<String>> rows) {
        return SpreadsheetText.csv(COLUMNS, rows);
    }
}
