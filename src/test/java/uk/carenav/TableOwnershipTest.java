package uk.carenav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning module (the README's "Who owns which table"). Only the owner writes it; another
 * module reads it only when the owner publishes it as a read model; coverage, the reporting module, may
 * read any table and writes only its own roll-ups. A scan of the SQL in the main sources holds this.
 */
class TableOwnershipTest {

    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("area", "organisation"), Map.entry("pcn", "organisation"), Map.entry("practice", "organisation"),
            Map.entry("staff_member", "organisation"), Map.entry("staff_role", "organisation"),
            Map.entry("supervised_practice", "organisation"),
            Map.entry("audit_event", "security"), Map.entry("audit_head", "security"),
            Map.entry("sign_in_failure", "security"),
            Map.entry("local_service", "directory"), Map.entry("pcn_local_service", "directory"),
            Map.entry("scenario_snapshot", "call"), Map.entry("attempt", "call"), Map.entry("attempt_event", "call"),
            Map.entry("attempt_screen", "call"), Map.entry("attempt_comment", "call"),
            Map.entry("attempt_rescore", "call"), Map.entry("finding_override", "call"),
            Map.entry("shift", "shift"), Map.entry("shift_event", "shift"),
            Map.entry("competency", "competency"), Map.entry("observed_call", "competency"),
            Map.entry("sign_off", "competency"), Map.entry("trainee_status", "competency"),
            Map.entry("scenario_review", "review"), Map.entry("scenario_review_comment", "review"),
            Map.entry("rollup_trainee", "coverage"), Map.entry("rollup_trainee_scenario", "coverage"),
            Map.entry("rollup_trainee_screen", "coverage"), Map.entry("rollup_trainee_wrong_route", "coverage"),
            Map.entry("rollup_practice_scenario", "coverage"), Map.entry("rollup_practice_screen", "coverage"),
            Map.entry("rollup_practice_wrong_route", "coverage"), Map.entry("rollup_scenario", "coverage"),
            Map.entry("rollup_trainee_month", "coverage"), Map.entry("rollup_practice_month", "coverage"));

    /** Tables other modules may read (names, ids and links for joins; whether a trainee has any call). */
    static final Set<String> READ_MODELS = Set.of("area", "pcn", "practice", "staff_member", "staff_role", "attempt");

    static final String REPORTING = "coverage";

    private static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+([a-z_]+)\\b");
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into|truncate\\s+table|alter\\s+table)\\s+([a-z_]+)\\b");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    @Test
    void everyTableInTheMigrationsHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.toList()) {
                Matcher m = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)")
                        .matcher(Files.readString(f));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(created).isNotEmpty();
        assertThat(OWNER.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void onlyTheOwnerWritesATableAndOthersReadOnlyItsReadModels() throws IOException {
        List<String> breaches = new ArrayList<>();
        int statements = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/uk/carenav"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String module = module(f);
                String code = COMMENT.matcher(Files.readString(f)).replaceAll("");
                Matcher w = WRITE.matcher(code);
                while (w.find()) {
                    String table = w.group(1).toLowerCase();
                    if (OWNER.containsKey(table)) {
                        statements++;
                        if (!OWNER.get(table).equals(module)) {
                            breaches.add(f + " writes " + table + ", owned by " + OWNER.get(table));
                        }
                    }
                }
                Matcher r = READ.matcher(code);
                while (r.find()) {
                    String table = r.group(1).toLowerCase();
                    if (OWNER.containsKey(table)) {
                        statements++;
                        if (!OWNER.get(table).equals(module) && !module.equals(REPORTING) && !READ_MODELS.contains(table)) {
                            breaches.add(f + " reads " + table + ", owned by " + OWNER.get(table) + " and not a read model");
                        }
                    }
                }
            }
        }
        assertThat(statements).as("SQL found in the sources").isGreaterThan(100);
        assertThat(breaches).isEmpty();
    }

    @Test
    void theScanSeesABreach() {
        String code = "jdbc.sql(\"update sign_off set status = 'X'\"); jdbc.sql(\"select * from audit_head\");";
        Matcher w = WRITE.matcher(code);
        assertThat(w.find()).isTrue();
        assertThat(w.group(1)).isEqualTo("sign_off");
        Matcher r = READ.matcher(code);
        assertThat(r.find()).isTrue();
        assertThat(r.group(1)).isEqualTo("audit_head");
    }

    private static String module(Path f) {
        Path rel = Path.of("src/main/java/uk/carenav").relativize(f);
        return rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
    }
}
