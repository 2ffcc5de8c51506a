package uk.carenav;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the tests against a real PostgreSQL server instead of H2 when {@code CARENAV_TEST_DATABASE=postgres}.
 * Each application context gets its own schema (created by Flyway), so contexts stay as independent as
 * with in-memory H2. Tests that need a database file of their own (restarts) keep their H2 file.
 * Connection: CARENAV_TEST_DB_URL (default jdbc:postgresql://localhost:5432/carenav_test),
 * CARENAV_TEST_DB_USER (carenav), CARENAV_TEST_DB_PASSWORD.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!"postgres".equalsIgnoreCase(System.getenv("CARENAV_TEST_DATABASE"))) {
            return;
        }
        ConfigurableEnvironment env = context.getEnvironment();
        String current = env.getProperty("spring.datasource.url", "");
        if (current.startsWith("jdbc:h2:file:")) {
            return;
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = System.getenv().getOrDefault("CARENAV_TEST_DB_URL", "jdbc:postgresql://localhost:5432/carenav_test");
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        p.put("spring.datasource.username", System.getenv().getOrDefault("CARENAV_TEST_DB_USER", "carenav"));
        p.put("spring.datasource.password", System.getenv().getOrDefault("CARENAV_TEST_DB_PASSWORD", ""));
        p.put("spring.flyway.schemas", schema);
        p.put("spring.jpa.properties.hibernate.default_schema", schema);
        p.put("spring.datasource.hikari.maximum-pool-size", "4");
        env.getPropertySources().addFirst(new MapPropertySource("postgres-test-database", p));
    }
}
