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
import uk.carenav.scenario.CallAction;

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

    /** The same call open in two tabs: steps sent at the same moment are all kept, numbered one after another. */
    @Test
    void twoTabsOfOneCallRecordStepsAtOnce() throws Exception {
        UserDetails u = users.loadUserByUsername("trainee2");
        var auth = new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        String id = calls.start("chest-pain-gardening", Mode.PRACTICE);
        int before = calls.call(id).events().size();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> tabs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                tabs.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(auth);
                    together.await();
                    for (int i = 0; i < 20; i++) {
                        calls.record(id, new CallAction.Ask(i % 2 == 0 ? "q-where" : "q-when", null));
                    }
                    return 20;
                }));
            }
            for (Future<Integer> f : tabs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var events = calls.call(id).events();
        assertThat(events).hasSize(before + 40);
        assertThat(events.stream().map(CallEvent::seq).toList()).doesNotHaveDuplicates();
    }
}
