package uk.carenav.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import uk.carenav.Application;
import uk.carenav.SignIn;
import uk.carenav.security.AuditTrail;

/**
 * Two production instances on one PostgreSQL behind a real load balancer (HAProxy, sticky sessions by cookie,
 * loopback only), with one instance killed (SIGKILL) half way through a load run. The trainees whose session was
 * on the killed instance sign in again on the other and resume the call in hand; every line and route the servers
 * answered must be in the database, the audit chain must still verify, and the only errors allowed are those of
 * sessions on the killed instance (the request each had in flight or sent before the balancer noticed). Prints
 * the figures; exits 1 when any of that does not hold.
 *
 * <p>Needs the production jar ({@code mvn -Pproduction package -DskipTests}), {@code haproxy} on the path and a
 * PostgreSQL as for the tests (CARENAV_TEST_DB_URL, CARENAV_TEST_DB_USER, CARENAV_TEST_DB_PASSWORD; a schema of
 * its own is made and dropped). Run: {@code mvn -Pfailover test-compile exec:exec -Dtrainees=100 -Dseconds=90}.
 */
public final class FailoverRun {

    private FailoverRun() {
    }

    public static void main(String[] args) throws Exception {
        int trainees = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        Path jar = LoadRun.productionJar();
        String password = System.getenv("CARENAV_TEST_DB_PASSWORD");
        if (password == null) {
            System.err.println("Set CARENAV_TEST_DB_PASSWORD (and CARENAV_TEST_DB_URL, CARENAV_TEST_DB_USER if not the defaults).");
            System.exit(2);
        }
        String url = System.getenv().getOrDefault("CARENAV_TEST_DB_URL", "jdbc:postgresql://localhost:5432/carenav_test");
        String user = System.getenv().getOrDefault("CARENAV_TEST_DB_USER", "carenav");
        String schema = "failover_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        List<String> database = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + schemaUrl,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--spring.flyway.schemas=" + schema, "--spring.jpa.properties.hibernate.default_schema=" + schema,
                "--carenav.demo-data=true");
        Path dir = Files.createTempDirectory("carenav-failover");
        int portA = freePort();
        int portB = freePort();
        int portLb = freePort();
        DriverManagerDataSource ds = new DriverManagerDataSource(schemaUrl, user, password);
        JdbcClient jdbc = JdbcClient.create(ds);

        Process a = null;
        Process b = null;
        Process lb = null;
        int exit = 1;
        try {
            a = start(jar, dir, "a", portA, database);
            LoadRun.waitFor("http://localhost:" + portA + "/login", a);
            LoadRun.waitForDemoAccounts("http://localhost:" + portA + "/");
            b = start(jar, dir, "b", portB, database);
            LoadRun.waitFor("http://localhost:" + portB + "/login", b);
            List<String> usernames = LoadAccounts.create(jdbc, trainees);
            Path cfg = dir.resolve("haproxy.cfg");
            Files.writeString(cfg, haproxyConfig(portLb, portA, portB));
            lb = new ProcessBuilder("haproxy", "-f", cfg.toString(), "-db").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
            String base = "http://localhost:" + portLb + "/";
            LoadRun.waitFor(base + "login", lb);
            System.out.printf("PostgreSQL schema %s; instance a on %d, b on %d; HAProxy on %d (sticky cookie LB)%n", schema,
                    portA, portB, portLb);

            long ramp = Math.max(10_000, trainees * 100L);
            LoadGenerator generator = new LoadGenerator(new LoadGenerator.Settings(base, usernames, LoadAccounts.PASSWORD,
                    seconds * 1000L, ramp, 2_000, 5_000, 20261207));
            CompletableFuture<LoadGenerator.Result> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return generator.run();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(ramp + seconds * 500L);
            Map<String, Integer> onEach = generator.sessionsByCookie("LB");
            a.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
            a.waitFor(30, TimeUnit.SECONDS);
            System.out.printf("Killed instance a (SIGKILL) with sessions on each instance: %s%n", onEach);
            LoadGenerator.Result result = running.get();
            LoadRun.stop(lb);
            lb = null;
            LoadRun.stop(b);
            b = null;

            LoadAccounts.Lost lost = LoadAccounts.lost(jdbc, result);
            AuditTrail.Verification audit = verifyAudit(database);
            List<String> notOnA = new ArrayList<>();
            result.errorsByInstance.forEach((instance, n) -> {
                if (!instance.equals("a")) {
                    notOnA.add(instance + ": " + n.get());
                }
            });
            System.out.println();
            System.out.println(result.summary());
            System.out.println(lost);
            System.out.printf("Sessions on the killed instance: %d; errors %d (by instance: %s); signed in again %d; calls resumed"
                            + " where they were %d%n", onEach.getOrDefault("a", 0), result.errors.size(),
                    result.errorsByInstance, result.signInsAgain.get(), result.resumed.get());
            System.out.printf("Audit chain: %s, %d entries checked%n", audit.intact() ? "intact" : "BROKEN at "
                    + audit.firstBrokenId() + ": " + audit.problem(), audit.entriesChecked());
            result.errors.stream().limit(10).forEach(e -> System.out.println("  " + e));
            boolean ok = lost.lines() == 0 && lost.routes() == 0 && audit.intact() && notOnA.isEmpty()
                    && result.errors.size() <= 2 * onEach.getOrDefault("a", 0) && result.steps.get() > 0
                    && (onEach.getOrDefault("a", 0) == 0 || result.resumed.get() + result.signInsAgain.get() > 0);
            System.out.println(ok ? "Failover: PASSED" : "Failover: FAILED");
            exit = ok ? 0 : 1;
        } finally {
            for (Process p : new Process[] {lb, b, a}) {
                if (p != null && p.isAlive()) {
                    LoadRun.stop(p);
                }
            }
            try {
                jdbc.sql("drop schema " + schema + " cascade").update();
            } catch (RuntimeException e) {
                System.err.println("Could not drop schema " + schema + ": " + e.getMessage());
            }
        }
        System.exit(exit);
    }

    static String haproxyConfig(int lb, int a, int b) {
        return """
                global
                    maxconn 4096
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 120s
                    timeout server 120s
                    retries 2
                    option redispatch
                frontend web
                    bind 127.0.0.1:%d
                    default_backend app
                backend app
                    balance roundrobin
                    cookie LB insert indirect nocache
                    option httpchk GET /actuator/health
                    http-check expect status 200
                    server a 127.0.0.1:%d check inter 1s fall 2 rise 2 cookie a
                    server b 127.0.0.1:%d check inter 1s fall 2 rise 2 cookie b
                """.formatted(lb, a, b);
    }

    /** Reads the whole audit chain as an administrator would, in a context of its own on the same schema. */
    private static AuditTrail.Verification verifyAudit(List<String> database) {
        List<String> args = new ArrayList<>(database);
        args.addAll(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0",
                "--server.address=127.0.0.1"));
        try (ConfigurableApplicationContext c = new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new))) {
            SignIn.as(c.getBean(UserDetailsService.class), "admin");
            try {
                return c.getBean(AuditTrail.class).verify();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    private static Process start(Path jar, Path dir, String name, int port, List<String> database) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-jar", jar.toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--carenav.data-dir=" + dir.resolve(name), "--logging.level.root=WARN"));
        command.addAll(database);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
