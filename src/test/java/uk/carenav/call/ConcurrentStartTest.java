package uk.carenav.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Trainees starting the same scenario at the same moment all get their call (the scenario copy is kept once). */
@SpringBootTest
class ConcurrentStartTest {

    @Autowired
    CallService calls;
    @Autowired
    UserDetailsService users;

    @Test
    void sixTraineesStartTheSameNewScenarioAtOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(6);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                String username = "trainee" + i;
                Callable<String> start = () -> {
                    UserDetails u = users.loadUserByUsername(username);
                    SecurityContextHolder.getContext().setAuthentication(
                            new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities()));
                    together.await();
                    return calls.start("stroke-father-fast", Mode.ASSESSMENT);
                };
                started.add(pool.submit(start));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : started) {
                ids.add(f.get());
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(6);
        } finally {
            pool.shutdownNow();
        }
    }
}
