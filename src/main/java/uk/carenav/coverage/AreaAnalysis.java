package uk.carenav.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.competency.CompetencyFramework;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * For service leads: where their area is weak, from every finished call (practice and assessment) of the
 * area's trainees, aggregated in the database. Only the lead's own area.
 */
@Service
@PreAuthorize("hasRole('SERVICE_LEAD')")
@Transactional(readOnly = true)
public class AreaAnalysis {

    /** Calls at least this many before a rate is shown; fewer say too little. */
    public static final int MIN_CALLS = 3;

    /** Calls and calls passed (or screens and screens missed): a rate when there are enough. */
    public record Rate(int of, int count) {
        public Integer percent() {
            return of < MIN_CALLS ? null : Math.round(count * 100f / of);
        }
    }

    /** A table of rates: a row per practice, a column per competency or red-flag screen. */
    public record HeatMap(List<String> columns, Map<String, String> columnTitles, List<String> practices,
            Map<String, Map<String, Rate>> cells) {
        public Rate cell(String practice, String column) {
            return cells.getOrDefault(practice, Map.of()).getOrDefault(column, new Rate(0, 0));
        }
    }

    /**
     * Classical item analysis of one scenario: how many calls, the pass rate, difficulty (the mean score) and
     * discrimination (pass rate of the strongest quarter of trainees minus that of the weakest quarter, by their
     * mean score over all calls; null when either quarter has fewer than {@value #MIN_CALLS} calls), and the
     * wrong route chosen most often.
     */
    public record Item(String scenarioId, String title, String category, int calls, Integer passPercent,
            Double meanScore, Integer discrimination, String commonWrongRoute, int wrongRouteCalls) {
    }

    private static final String AREA_CALLS = """
            from attempt a
            join staff_member s on s.id = a.trainee_id
            join practice p on p.id = s.practice_id
            join pcn c on c.id = p.pcn_id
            where c.area_id = :area and a.status = 'COMPLETED'""";

    private final JdbcClient jdbc;
    private final StaffDirectory directory;
    private final ScenarioLibrary library;
    private final CompetencyFramework framework;

    AreaAnalysis(JdbcClient jdbc, StaffDirectory directory, ScenarioLibrary library, CompetencyFramework framework) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.library = library;
        this.framework = framework;
    }

    /** Pass rate of calls on the scenarios that evidence each competency, by practice. */
    public HeatMap competencies() {
        long area = directory.myAreaId();
        Map<String, List<String>> byScenario = new HashMap<>();
        library.current().scenarios().forEach(s -> byScenario.put(s.id(), s.competencies()));
        Map<String, Map<String, int[]>> sums = new LinkedHashMap<>();
        jdbc.sql("select p.name, a.scenario_id, count(*), sum(case when a.passed then 1 else 0 end) " + AREA_CALLS
                        + " group by p.name, a.scenario_id")
                .param("area", area)
                .query(rs -> {
                    for (String competency : byScenario.getOrDefault(rs.getString(2), List.of())) {
                        int[] s = sums.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .computeIfAbsent(competency, k -> new int[2]);
                        s[0] += rs.getInt(3);
                        s[1] += rs.getInt(4);
                    }
                });
        List<String> columns = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Catalogue.Competency c : framework.current()) {
            columns.add(c.id());
            titles.put(c.id(), c.title());
        }
        return new HeatMap(columns, titles, practicesOf(area), rates(sums));
    }

    /** The red-flag screens missed most across the area (up to {@code limit}), with the share missed, by practice. */
    public HeatMap missedRedFlags(int limit) {
        long area = directory.myAreaId();
        Map<String, Map<String, int[]>> sums = new LinkedHashMap<>();
        Map<String, Integer> missedInArea = new HashMap<>();
        jdbc.sql("select p.name, x.screen, count(*), sum(case when x.asked then 0 else 1 end) from attempt_screen x "
                        + "join attempt a on a.id = x.attempt_id" + AREA_CALLS.substring(AREA_CALLS.indexOf('\n'))
                        + " group by p.name, x.screen")
                .param("area", area)
                .query(rs -> {
                    sums.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            new int[] {rs.getInt(3), rs.getInt(4)});
                    missedInArea.merge(rs.getString(2), rs.getInt(4), Integer::sum);
                });
        List<String> columns = missedInArea.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
        Map<String, String> titles = new LinkedHashMap<>();
        columns.forEach(c -> titles.put(c, c + ": missed " + missedInArea.get(c) + " times in the area"));
        return new HeatMap(columns, titles, practicesOf(area), rates(sums));
    }

    /** Every scenario taken in the area, hardest first. */
    public List<Item> items() {
        long area = directory.myAreaId();
        Map<String, Scenario> scenarios = new HashMap<>();
        library.current().scenarios().forEach(s -> scenarios.put(s.id(), s));
        Map<String, Catalogue.Route> routes = library.current().catalogue().routes();

        Map<String, Object[]> base = new LinkedHashMap<>();
        jdbc.sql("select a.scenario_id, max(a.title), max(a.category), count(*), sum(case when a.passed then 1 else 0 end), "
                        + "avg(a.percentage) " + AREA_CALLS + " group by a.scenario_id")
                .param("area", area)
                .query(rs -> {
                    base.put(rs.getString(1), new Object[] {rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getDouble(6)});
                });
        // Pass counts by quarter of trainees ranked by their mean score (NTILE runs on H2 and PostgreSQL).
        Map<String, int[]> quarters = new HashMap<>();
        jdbc.sql("""
                with means as (select a.trainee_id, avg(a.percentage) mean_score""" + " " + AREA_CALLS + """
                 group by a.trainee_id),
                ranked as (select trainee_id, ntile(4) over (order by mean_score) quarter from means)
                select a.scenario_id, r.quarter, count(*), sum(case when a.passed then 1 else 0 end)
                from attempt a join ranked r on r.trainee_id = a.trainee_id
                where a.status = 'COMPLETED' and r.quarter in (1, 4)
                group by a.scenario_id, r.quarter""")
                .param("area", area)
                .query(rs -> {
                    int[] q = quarters.computeIfAbsent(rs.getString(1), k -> new int[4]);
                    int at = rs.getInt(2) == 1 ? 0 : 2;
                    q[at] += rs.getInt(3);
                    q[at + 1] += rs.getInt(4);
                });
        Map<String, String[]> wrong = new HashMap<>();
        jdbc.sql("select a.scenario_id, a.route_chosen, count(*) " + AREA_CALLS
                        + " and a.routing_grade in ('OVER_TRIAGE', 'UNDER_TRIAGE', 'INELIGIBLE', 'NOT_ROUTED')"
                        + " group by a.scenario_id, a.route_chosen")
                .param("area", area)
                .query(rs -> {
                    String[] best = wrong.get(rs.getString(1));
                    if (best == null || Integer.parseInt(best[1]) < rs.getInt(3)) {
                        wrong.put(rs.getString(1), new String[] {rs.getString(2), Integer.toString(rs.getInt(3))});
                    }
                });
        List<Item> out = new ArrayList<>();
        base.forEach((id, b) -> {
            int calls = (int) b[2];
            int[] q = quarters.getOrDefault(id, new int[4]);
            Integer discrimination = q[0] < MIN_CALLS || q[2] < MIN_CALLS ? null
                    : Math.round(q[3] * 100f / q[2] - q[1] * 100f / q[0]);
            String[] w = wrong.get(id);
            String wrongRoute = w == null ? "" : w[0] == null || w[0].isEmpty() ? "No route chosen"
                    : routes.containsKey(w[0]) ? routes.get(w[0]).name() : w[0];
            Scenario s = scenarios.get(id);
            out.add(new Item(id, s != null ? s.title() : (String) b[0], (String) b[1], calls,
                    calls < MIN_CALLS ? null : Math.round((int) b[3] * 100f / calls),
                    Math.round((double) b[4] * 10) / 10.0, discrimination, wrongRoute, w == null ? 0 : Integer.parseInt(w[1])));
        });
        out.sort(Comparator.comparing((Item i) -> i.passPercent() == null ? 101 : i.passPercent())
                .thenComparing(Item::scenarioId));
        return out;
    }

    private List<String> practicesOf(long area) {
        return jdbc.sql("select p.name from practice p join pcn c on c.id = p.pcn_id where c.area_id = ? order by p.name")
                .param(area).query(String.class).list();
    }

    private static Map<String, Map<String, Rate>> rates(Map<String, Map<String, int[]>> sums) {
        Map<String, Map<String, Rate>> out = new LinkedHashMap<>();
        sums.forEach((practice, m) -> {
            Map<String, Rate> row = new LinkedHashMap<>();
            m.forEach((col, s) -> row.put(col, new Rate(s[0], s[1])));
            out.put(practice, row);
        });
        return out;
    }
}
