package uk.carenav.organisation;

import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.AuditedAction;

/**
 * Makes sure someone can sign in to a new, empty database: either the demo organisation and accounts,
 * or a single administrator whose password comes from the environment. Does nothing once any account exists.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    static final String ADMIN_PASSWORD_VARIABLE = "CARENAV_INITIAL_ADMIN_PASSWORD";
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final StaffMemberRepository staff;
    private final DemoData demoData;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final boolean loadDemoData;
    private final String initialAdminPassword;
    private final ApplicationEventPublisher events;

    FirstStart(StaffMemberRepository staff, DemoData demoData, PasswordEncoder passwordEncoder, Clock clock,
            @Value("${carenav.demo-data:false}") boolean loadDemoData,
            @Value("${carenav.initial-admin-password:}") String initialAdminPassword,
            ApplicationEventPublisher events) {
        this.events = events;
        this.staff = staff;
        this.demoData = demoData;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.loadDemoData = loadDemoData;
        this.initialAdminPassword = initialAdminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (staff.count() > 0) {
            return;
        }
        if (loadDemoData) {
            demoData.load();
            events.publishEvent(new AuditedAction("system", "DEMO_DATA_LOADED", "demo area, practices and accounts loaded"));
            log.warn("Loaded the DEMO organisation and accounts (password carenav-demo). "
                    + "Do not use demo data for real staff: set carenav.demo-data=false.");
            return;
        }
        if (initialAdminPassword == null || initialAdminPassword.isBlank()) {
            throw new FirstStartException("The database has no accounts and demo data is off (carenav.demo-data=false), "
                    + "so there is no way to sign in.", "Set the environment variable " + ADMIN_PASSWORD_VARIABLE
                    + " to the password for the first administrator (user name: admin, at least "
                    + PasswordPolicy.MIN_LENGTH + " characters) and start again. You can remove it after the first start.");
        }
        PasswordPolicy.problem(initialAdminPassword, "admin").ifPresent(problem -> {
            throw new FirstStartException("The initial administrator password in " + ADMIN_PASSWORD_VARIABLE
                    + " is not acceptable: " + problem, "Choose a longer, uncommon password and start again.");
        });
        staff.save(new StaffMember("admin", "Administrator", null, passwordEncoder.encode(initialAdminPassword),
                EnumSet.of(Role.ADMIN), clock.instant()));
        events.publishEvent(new AuditedAction("system", "FIRST_ADMIN_CREATED", "created the administrator account admin"));
        log.info("Created the first administrator account 'admin' from {}", ADMIN_PASSWORD_VARIABLE);
    }
}
