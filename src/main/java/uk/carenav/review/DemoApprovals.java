package uk.carenav.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With demo data only: the demo clinical reviewer ({@code reviewer1}) stands in approval of every shipped
 * scenario version not yet decided, each record marked as demo, so the demo's assessments can be tried. A real
 * installation starts with nothing approved.
 */
@Component
@Order(20)
class DemoApprovals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoApprovals.class);

    private final ScenarioReviews reviews;
    private final JdbcClient jdbc;
    private final boolean demo;

    DemoApprovals(ScenarioReviews reviews, JdbcClient jdbc, @Value("${carenav.demo-data:false}") boolean demo) {
        this.reviews = reviews;
        this.jdbc = jdbc;
        this.demo = demo;
    }

    private record Reviewer(long id, String name) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        jdbc.sql("select id, display_name from staff_member where username = 'reviewer1'")
                .query((rs, n) -> new Reviewer(rs.getLong(1), rs.getString(2))).optional().ifPresent(r -> {
                    int done = reviews.approveForDemo(r.id(), r.name());
                    if (done > 0) {
                        log.warn("Demo data: {} scenario versions marked approved by the demo reviewer. These are not "
                                + "clinical approvals; a real installation starts with none.", done);
                    }
                });
    }
}
