package uk.carenav.competency;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
import uk.carenav.base.SpreadsheetText;
import uk.carenav.scenario.Catalogue.Competency;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * The competency framework in force. Administrators import it as CSV (columns id, tier, domain, title,
 * description), seeing every row's problems before anything is written, and export it. Until the first
 * import it is the framework shipped in scenarios/catalogue/competency-framework.csv.
 */
@Service
public class CompetencyFramework {

    public static final List<String> COLUMNS = List.of("id", "tier", "domain", "title", "description");
    static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

    /** A problem with the file, at a row (the header is row 1; 0 for the whole file) and column. */
    public record RowError(long row, String column, String message) {
        @Override
        public String toString() {
            return (row == 0 ? "file" : "row " + row) + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    /** What an import would do: the competencies read, and every problem found. Nothing is written yet. */
    public record Preview(List<Competency> competencies, List<RowError> errors) {
        public boolean importable() {
            return errors.isEmpty() && !competencies.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final ScenarioLibrary library;
    private final ApplicationEventPublisher events;

    CompetencyFramework(JdbcClient jdbc, ScenarioLibrary library, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.library = library;
        this.events = events;
    }

    /** The framework in force, in order. */
    @Transactional(readOnly = true)
    public List<Competency> current() {
        List<Competency> stored = jdbc.sql("select id, tier, domain, title, description from competency order by position")
                .query((rs, n) -> new Competency(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
        return stored.isEmpty() ? List.copyOf(library.current().catalogue().competencies().values()) : stored;
    }

    /** Reads a CSV file and checks every row. Writes nothing. */
    @PreAuthorize("hasRole('ADMIN')")
    public Preview preview(byte[] bytes) {
        List<RowError> errors = new ArrayList<>();
        List<Competency> out = new ArrayList<>();
        var upload = SpreadsheetText.uploadedCsv(bytes, MAX_BYTES, "the file is larger than 1 MB; a framework is a few kilobytes");
        if (upload.problem() != null) {
            return new Preview(List.of(), List.of(new RowError(0, null, upload.problem())));
        }
        String text = upload.text();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase()).toList();
            if (!header.equals(COLUMNS)) {
                return new Preview(List.of(), List.of(new RowError(1, null, "the columns must be " + String.join(",", COLUMNS)
                        + " (found " + String.join(",", header) + ")")));
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord r : parser) {
                long row = r.getRecordNumber() + 1;
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
                String id = r.get("id");
                if (!ID.matcher(id).matches()) {
                    errors.add(new RowError(row, "id", "'" + id + "' should look like RISK-1 (capital letters, digits, dashes)"));
                } else if (!seen.add(id)) {
                    errors.add(new RowError(row, "id", "'" + id + "' appears twice"));
                }
                int tier = 0;
                try {
                    tier = Integer.parseInt(r.get("tier"));
                    if (tier < 1 || tier > 3) {
                        errors.add(new RowError(row, "tier", "should be 1, 2 or 3"));
                    }
                } catch (NumberFormatException e) {
                    errors.add(new RowError(row, "tier", "'" + r.get("tier") + "' should be 1, 2 or 3"));
                }
                for (String col : List.of("domain", "title")) {
                    if (r.get(col).isEmpty() || r.get(col).length() > 200) {
                        errors.add(new RowError(row, col, "should be 1 to 200 characters"));
                    }
                }
                if (r.get("description").length() > 2000) {
                    errors.add(new RowError(row, "description", "should be at most 2,000 characters"));
                }
                if (errors.size() == before) {
                    out.add(new Competency(id, tier, r.get("domain"), r.get("title"), r.get("description")));
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new RowError(0, null, "cannot read the CSV: " + e.getMessage()));
        }
        if (out.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(0, null, "the file has a header but no competencies"));
        }
        return new Preview(List.copyOf(out), List.copyOf(errors));
    }

    /** Replaces the framework with a previewed file: all or nothing, and only when it has no problems. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void apply(Preview preview) {
        if (!preview.importable()) {
            throw new IllegalArgumentException("The file has " + preview.errors().size() + " problems; fix them and try again.");
        }
        jdbc.sql("delete from competency").update();
        int position = 0;
        for (Competency c : preview.competencies()) {
            jdbc.sql("insert into competency (id, position, tier, domain, title, description) values (?, ?, ?, ?, ?, ?)")
                    .params(c.id(), position++, c.tier(), c.domain(), c.title(), c.description()).update();
        }
        events.publishEvent(new AuditedAction(CurrentUser.username(),
                "FRAMEWORK_IMPORTED", preview.competencies().size() + " competencies: "
                        + String.join(", ", preview.competencies().stream().map(Competency::id).toList())));
    }

    /** The framework as CSV; cells that a spreadsheet would run as formulas are neutralised. */
    @PreAuthorize("hasRole('ADMIN')")
    public byte[] export() {
        return SpreadsheetText.csv(COLUMNS, current().stream()
                .map(c -> List.<Object>of(c.id(), c.tier(), c.domain(), c.title(), c.description())).toList());
    }

    /** A cell as exported: see {@link SpreadsheetText#neutralised}. */
    static String safe(String cell) {
        return SpreadsheetText.neutralised(cell);
    }
}
