package uk.carenav.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Trainee accounts for a load run, and the check that what the server answered was stored. */
final class LoadAccounts {

    /** The demo accounts' published password: load accounts share trainee1's password hash. */
    static final String PASSWORD = "carenav-demo";

    private LoadAccounts() {
    }

    /**
     * Makes {@code n} trainee accounts {@code load0001...}, spread over the practices, with trainee1's password;
     * returns their usernames. Accounts already there are used again.
     */
    static List<String> create(JdbcClient jdbc, int n) {
        String hash = jdbc.sql("select password_hash from staff_member where username = 'trainee1'").query(String.class).single();
        List<Long> practices = jdbc.sql("select id from practice order by id").query(Long.class).list();
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String username = String.format("load%04d", i);
            out.add(username);
            if (jdbc.sql("select count(*) from staff_member where username = ?").param(username).query(Long.class).single() > 0) {
                continue;
            }
            jdbc.sql("""
                    insert into staff_member (username, display_name, password_hash, enabled, practice_id, created_at, training)
                    values (?, ?, ?, true, ?, current_timestamp, 'REQUIRED')""")
                    .params(username, "Load Trainee " + i, hash, practices.get(i % practices.size())).update();
            jdbc.sql("insert into staff_role (staff_id, role) select id, 'TRAINEE' from staff_member where username = ?")
                    .param(username).update();
        }
        return out;
    }

    /** Lines and routes the server answered that are not in the database (there should be none). */
    record Lost(int lines, int routes, int checkedLines, int checkedRoutes) {
        @Override
        public String toString() {
            return String.format("Stored: %d typed lines and %d routes answered, checked in the database; lost %d lines, %d routes",
                    checkedLines, checkedRoutes, lines, routes);
        }
    }

    static Lost lost(JdbcClient jdbc, LoadGenerator.Result result) {
        int lines = 0;
        int routes = 0;
        int checkedLines = 0;
        int checkedRoutes = 0;
        for (Map.Entry<String, LoadGenerator.Answered> e : result.answered.entrySet()) {
            int storedLines = jdbc.sql("select count(*) from attempt_event where attempt_id = ? and utterance is not null")
                    .param(e.getKey()).query(Integer.class).single();
            int storedRoutes = jdbc.sql("select count(*) from attempt_event where attempt_id = ? and kind = 'route'")
                    .param(e.getKey()).query(Integer.class).single();
            checkedLines += e.getValue().lines.get();
            checkedRoutes += e.getValue().routes.get();
            lines += Math.max(0, e.getValue().lines.get() - storedLines);
            routes += Math.max(0, e.getValue().routes.get() - storedRoutes);
        }
        return new Lost(lines, routes, checkedLines, checkedRoutes);
    }
}
