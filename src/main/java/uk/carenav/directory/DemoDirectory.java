package uk.carenav.directory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** With demo data: a few local services for the demo practice Riverside Surgery, so the route picker shows local names. */
@Component
@Order(10)
class DemoDirectory implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final boolean demo;

    DemoDirectory(JdbcClient jdbc, @Value("${carenav.demo-data:false}") boolean demo) {
        this.jdbc = jdbc;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || jdbc.sql("select count(*) from local_service").query(Integer.class).single() > 0) {
            return;
        }
        jdbc.sql("select id from practice where ods_code = 'X90001'").query(Long.class).optional().ifPresent(practice -> {
            insert(practice, "pharmacy-first", "Riverside Pharmacy (Pharmacy First)", "Send the referral from the clinical system",
                    "01632 960001", "Mon-Sat 8am-8pm");
            insert(practice, "fcp-physio", "Riverside PCN MSK Physio", "Book into the PCN physio clinic", "01632 960002",
                    "Mon-Fri 8am-6pm");
            insert(practice, "social-prescribing", "Riverside Community Connectors", "Refer on the PCN form or the caller self-refers",
                    "01632 960003", "Mon-Fri 9am-5pm");
        });
    }

    private void insert(long practice, String route, String name, String access, String contact, String hours) {
        jdbc.sql("insert into local_service (practice_id, route_id, name, access, contact, hours) values (?, ?, ?, ?, ?, ?)")
                .params(practice, route, name, access, contact, hours).update();
    }
}
