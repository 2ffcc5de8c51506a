package uk.carenav.directory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * Local service directories as CSV, for every practice and PCN at once: one row per service, {@code scope}
 * {@code practice} (with the practice's ODS code) or {@code pcn} (with the PCN's name: shared by all its
 * practices). Import is previewed row by row, then either all or nothing or the valid rows only; a row
 * replaces the entry for the same scope, code and route, and entries not in the file stay as they are.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class DirectoryCsv {

    public static final List<String> COLUMNS = List.of("scope", "code", "route_id", "name", "access", "contact", "hours",
            "notes");
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** A problem with one cell (or the whole row when {@code column} is null); row 1 is the header. */
    public record RowError(long row, String column, String message) {
        @Override
        public String toString() {
            return "Row " + row + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    /** One valid row: where it applies (a practice or PCN id) and the service. */
    public record Entry(long row, boolean pcn, long ownerId, String code, ServiceDirectory.LocalService service) {
    }

    public record Preview(List<Entry> entries, List<RowError> errors, int rows) {
    }

    public enum Mode { ALL_OR_NOTHING, VALID_ROWS_ONLY }

    private final JdbcClient jdbc;
    private final ScenarioLibrary library;
    private final ApplicationEventPublisher events;

    DirectoryCsv(JdbcClient jdbc, ScenarioLibrary library, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.library = library;
        this.events = events;
    }

    /** Every practice's and PCN's entries; cells a spreadsheet would run as formulas are neutralised. */
    @Transactional(readOnly = true)
    public byte[] export() {
        List<List<String>> rows = new ArrayList<>();
        jdbc.sql("""
                select 'pcn', c.name, s.route_id, s.name, s.access, s.contact, s.hours, s.notes
                from pcn_local_service s join pcn c on c.id = s.pcn_id order by c.name, s.route_id""")
                .query(rs -> {
                    rows.add(row(rs));
                });
        jdbc.sql("""
                select 'practice', p.ods_code, s.route_id, s.name, s.access, s.contact, s.hours, s.notes
                from local_service s join practice p on p.id = s.practice_id order by p.ods_code, s.route_id""")
                .query(rs -> {
                    rows.add(row(rs));
                });
        return SpreadsheetText.csv(COLUMNS, rows);
    }

    private static List<String> row(ResultSet rs) throws SQLException {
        List<String> r = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            r.add(rs.getString(i) == null ? "" : rs.getString(i));
        }
        return r;
    }

    /** Reads the file and checks every row. Writes nothing. */
    @Transactional(readOnly = true)
    public Preview preview(byte[] bytes) {
        var upload = SpreadsheetText.uploadedCsv(bytes, MAX_BYTES, "the file is larger than 2 MB");
        if (upload.problem() != null) {
            return fileError(upload.problem());
        }
        String text = upload.text();
        Map<String, Long> practices = new HashMap<>();
        jdbc.sql("select ods_code, id from practice").query(rs -> {
            practices.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getLong(2));
        });
        Map<String, List<Long>> pcns = new HashMap<>();
        jdbc.sql("select name, id from pcn").query(rs -> {
            pcns.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        Set<String> routes = library.current().catalogue().services().stream().map(Catalogue.Route::id)
                .collect(Collectors.toSet());
        List<Entry> entries = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        int rows = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            if (!header.equals(COLUMNS)) {
                return fileError("the columns must be " + String.join(",", COLUMNS) + " in that order (found "
                        + String.join(",", header) + ")");
            }
            for (CSVRecord r : parser) {
                rows++;
                long row = r.getRecordNumber() + 1;
                if (r.size() != COLUMNS.size()) {
                    errors.add(new RowError(row, null, "has " + r.size() + " cells; expected " + COLUMNS.size()));
                    continue;
                }
                int before = errors.size();
                String scope = r.get("scope").toLowerCase(Locale.ROOT);
                String code = r.get("code");
                Long owner = null;
                if (scope.equals("practice")) {
                    owner = practices.get(code.toUpperCase(Locale.ROOT));
                    if (owner == null) {
                        errors.add(new RowError(row, "code", "no practice has the ODS code '" + code + "'"));
                    }
                } else if (scope.equals("pcn")) {
                    List<Long> ids = pcns.getOrDefault(code.toLowerCase(Locale.ROOT), List.of());
                    if (ids.isEmpty()) {
                        errors.add(new RowError(row, "code", "no PCN is called '" + code + "'"));
                    } else if (ids.size() > 1) {
                        errors.add(new RowError(row, "code", "more than one PCN is called '" + code + "'"));
                    } else {
                        owner = ids.get(0);
                    }
                } else {
                    errors.add(new RowError(row, "scope", "'" + r.get("scope") + "' should be practice or pcn"));
                }
                String route = r.get("route_id");
                if (!routes.contains(route)) {
                    errors.add(new RowError(row, "route_id", "'" + route + "' is not a catalogue route"));
                }
                String key = scope + "|" + code.toLowerCase(Locale.ROOT) + "|" + route;
                if (errors.size() == before && seen.putIfAbsent(key, row) != null) {
                    errors.add(new RowError(row, null, "the same " + scope + " and route as row " + seen.get(key)));
                }
                String[] fields = new String[5];
                String[][] rules = {{"name", "Local name", "200", "true"}, {"access", "How to refer or self-refer", "500", ""},
                        {"contact", "Phone or web address", "200", ""}, {"hours", "Opening hours", "200", ""},
                        {"notes", "Eligibility notes", "1000", ""}};
                for (int i = 0; i < rules.length; i++) {
                    try {
                        fields[i] = ServiceDirectory.clean(r.get(rules[i][0]), rules[i][1], Integer.parseInt(rules[i][2]),
                                !rules[i][3].isEmpty());
                    } catch (InvalidInputException e) {
                        errors.add(new RowError(row, rules[i][0], e.getMessage()));
                    }
                }
                if (errors.size() == before) {
                    entries.add(new Entry(row, scope.equals("pcn"), owner, code, new ServiceDirectory.LocalService(route,
                            fields[0], fields[1], fields[2], fields[3], fields[4])));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(new RowError(rows + 1, null, "cannot read the CSV here: " + e.getMessage()));
        }
        if (rows == 0 && errors.isEmpty()) {
            errors.add(new RowError(1, null, "the file has a header but no services"));
        }
        return new Preview(List.copyOf(entries), List.copyOf(errors), rows);
    }

    /** Writes a previewed file in one transaction; returns how many entries were written. */
    @Transactional
    public int apply(Preview preview, Mode mode) {
        if (preview.entries().isEmpty()) {
            throw new InvalidInputException("File", "There is nothing to import: " + (preview.errors().isEmpty()
                    ? "the file is empty." : preview.errors().get(0)));
        }
        if (mode == Mode.ALL_OR_NOTHING && !preview.errors().isEmpty()) {
            throw new InvalidInputException("File", "The file has " + preview.errors().size()
                    + " problems. Fix them, or choose to import only the valid rows.");
        }
        Set<String> owners = new HashSet<>();
        for (Entry e : preview.entries()) {
            String table = e.pcn() ? "pcn_local_service" : "local_service";
            String key = e.pcn() ? "pcn_id" : "practice_id";
            var s = e.service();
            jdbc.sql("delete from " + table + " where " + key + " = ? and route_id = ?").params(e.ownerId(), s.routeId()).update();
            jdbc.sql("insert into " + table + " (" + key + ", route_id, name, access, contact, hours, notes) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(e.ownerId(), s.routeId(), s.name(), s.access(), s.contact(), s.hours(), s.notes()).update();
            owners.add((e.pcn() ? "PCN " : "") + e.code());
        }
        events.publishEvent(new AuditedAction(CurrentUser.username(),
                "DIRECTORY_IMPORTED", preview.entries().size() + " services for " + String.join(", ", new TreeSet<>(owners))
                        + (preview.errors().isEmpty() ? "" : "; " + preview.errors().size() + " problems skipped")));
        return preview.entries().size();
    }

    private static Preview fileError(String message) {
        return new Preview(List.of(), List.of(new RowError(1, null, message)), 0);
    }
}
