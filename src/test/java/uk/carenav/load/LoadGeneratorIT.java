package uk.carenav.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The protocol-level load test kept from rotting: 50 simulated trainees for 60 seconds against the real server
 * (no browser), through sign-in, My training, typed lines, a route, a note and the end of the call, at a quicker
 * pace than {@code LoadRun}'s (a step every 1 to 3 s) so that every kind of step runs many times. No errors, and
 * every line and route the server answered is in the database. The figures are printed, not asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadGeneratorIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyTraineesForAMinuteLoseNothing() throws Exception {
        List<String> usernames = LoadAccounts.create(jdbc, 50);
        LoadGenerator.Result result = new LoadGenerator(new LoadGenerator.Settings("http://localhost:" + port + "/",
                usernames, LoadAccounts.PASSWORD, 60_000, 10_000, 1_000, 3_000, 20261207)).run();
        LoadAccounts.Lost lost = LoadAccounts.lost(jdbc, result);
        System.out.println(result.summary());
        System.out.println(lost);
        assertThat(result.errors).isEmpty();
        assertThat(result.signedIn.get()).isEqualTo(50);
        assertThat(result.steps.get()).isGreaterThan(200);
        assertThat(result.callsEnded.get()).isGreaterThan(10);
        assertThat(lost.lines()).isZero();
        assertThat(lost.routes()).isZero();
        assertThat(lost.checkedLines()).isGreaterThan(100);
        assertThat(new ArrayList<>(result.answered.keySet())).hasSizeGreaterThan(20);
    }
}
