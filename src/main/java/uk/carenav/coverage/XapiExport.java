package uk.carenav.coverage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.InvalidInputException;
import uk.carenav.organisation.StaffDirectory;

/**
 * Finished calls of the lead's area as xAPI 1.0.3 statements, one JSON object per line, for a learning record
 * store: actor (the trainee's account), verb (passed or failed), object (the scenario as an activity), result
 * (score, success, completion, duration, the route chosen) and every step of the call in order as a result
 * extension. Statement ids are derived from the attempt, so exporting the same range twice gives the same
 * statements. Streamed from the database: no range is held in memory.
 */
@Service
@PreAuthorize("hasRole('SERVICE_LEAD')")
@Transactional(readOnly = true)
public class XapiExport {

    public static final String STEPS = "/xapi/extensions/steps";
    public static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final StaffDirectory directory;
    private final Clock clock;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    XapiExport(JdbcClient jdbc, StaffDirectory directory, Clock clock,
            @Value("${carenav.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Writes the statements of calls that ended from the start of {@code from} to the end of {@code to}; returns how many. */
    public int write(LocalDate from, LocalDate to, OutputStream out) {
        if (from == null) {
            throw new InvalidInputException("From", "Choose the first day of the range.");
        }
        if (to == null) {
            throw new InvalidInputException("To", "Choose the last day of the range.");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("To", "The last day must not be before the first day.");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("To", "Export at most " + MAX_DAYS + " days at a time.");
        }
        long area = directory.myAreaId();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("area", area);
        p.put("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()));
        p.put("to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        int[] written = {0};
        try {
            JsonGenerator gen = json.getFactory().createGenerator(out);
            gen.setRootValueSeparator(null);
            Statement[] current = {null};
            jdbc.sql("""
                    select a.id, s.username, s.display_name, a.scenario_id, a.scenario_version, a.variant_id, a.title, a.category,
                           a.mode, a.started_at, a.ended_at, a.percentage, a.passed, a.band, a.routing_grade, a.route_chosen,
                           e.seq, e.at_seconds, e.kind, e.content, e.utterance
                    from attempt a
                    join staff_member s on s.id = a.trainee_id
                    join practice p on p.id = s.practice_id
                    join pcn c on c.id = p.pcn_id
                    left join attempt_event e on e.attempt_id = a.id
                    where c.area_id = :area and a.status = 'COMPLETED' and a.ended_at >= :from and a.ended_at < :to
                    order by a.ended_at, a.id, e.seq""")
                    .params(p)
                    .query(rs -> {
                        String id = rs.getString(1);
                        if (current[0] == null || !current[0].attemptId.equals(id)) {
                            if (current[0] != null) {
                                emit(gen, current[0]);
                                written[0]++;
                            }
                            current[0] = new Statement(rs);
                        }
                        if (rs.getObject(17) != null) {
                            Map<String, Object> step = new LinkedHashMap<>();
                            step.put("seq", rs.getInt(17));
                            step.put("atSeconds", rs.getBigDecimal(18));
                            step.put("kind", rs.getString(19));
                            step.put("content", rs.getString(20));
                            if (rs.getString(21) != null) {
                                step.put("utterance", rs.getString(21));
                            }
                            current[0].steps.add(step);
                        }
                    });
            if (current[0] != null) {
                emit(gen, current[0]);
                written[0]++;
            }
            gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    /** One finished call being read, with its steps. */
    private static final class Statement {
        final String attemptId;
        final Map<String, Object> row = new LinkedHashMap<>();
        final List<Map<String, Object>> steps = new ArrayList<>();

        Statement(ResultSet rs) throws SQLException {
            attemptId = rs.getString(1);
            for (int i = 2; i <= 16; i++) {
                row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
            }
        }
    }

    private void emit(JsonGenerator gen, Statement s) {
        Map<String, Object> r = s.row;
        boolean passed = Boolean.TRUE.equals(r.get("passed"));
        double pct = r.get("percentage") == null ? 0 : ((BigDecimal) r.get("percentage")).doubleValue();
        Timestamp started = ts(r.get("started_at"));
        Timestamp ended = ts(r.get("ended_at"));

        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("id", UUID.nameUUIDFromBytes(("carenav-attempt:" + s.attemptId).getBytes(StandardCharsets.UTF_8)).toString());
        statement.put("actor", Map.of("objectType", "Agent", "name", r.get("display_name"),
                "account", Map.of("homePage", baseUrl, "name", r.get("username"))));
        statement.put("verb", Map.of("id", "http://adlnet.gov/expapi/verbs/" + (passed ? "passed" : "failed"),
                "display", Map.of("en-GB", passed ? "passed" : "failed")));
        statement.put("object", Map.of("objectType", "Activity", "id", baseUrl + "/scenarios/" + r.get("scenario_id"),
                "definition", Map.of("name", Map.of("en-GB", r.get("title")),
                        "type", "http://adlnet.gov/expapi/activities/simulation")));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("score", Map.of("scaled", Math.round(pct * 10) / 1000.0, "raw", pct, "min", 0, "max", 100));
        result.put("success", passed);
        result.put("completion", true);
        result.put("duration", Duration.between(started.toInstant(), ended.toInstant()).toString());
        result.put("response", r.get("route_chosen") == null ? "" : r.get("route_chosen"));
        result.put("extensions", Map.of(baseUrl + STEPS, s.steps, baseUrl + "/xapi/extensions/band", String.valueOf(r.get("band")),
                baseUrl + "/xapi/extensions/routing-grade", String.valueOf(r.get("routing_grade"))));
        statement.put("result", result);
        statement.put("context", Map.of("registration", registration(s.attemptId), "extensions", Map.of(
                baseUrl + "/xapi/extensions/mode", r.get("mode"), baseUrl + "/xapi/extensions/category", r.get("category"),
                baseUrl + "/xapi/extensions/scenario-version", r.get("scenario_version"),
                baseUrl + "/xapi/extensions/variant", r.get("variant_id"))));
        statement.put("timestamp", ended.toInstant().toString());
        try {
            gen.writeObject(statement);
            gen.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String registration(String attemptId) {
        try {
            return UUID.fromString(attemptId).toString();
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(attemptId.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    private static Timestamp ts(Object o) {
        if (o instanceof Timestamp t) {
            return t;
        }
        if (o instanceof OffsetDateTime odt) {
            return Timestamp.from(odt.toInstant());
        }
        throw new IllegalStateException("Unexpected timestamp " + o);
    }
}
