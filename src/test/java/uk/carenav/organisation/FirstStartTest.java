package uk.carenav.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.carenav.Application;

/**
 * Starts the real application on a real H2 file database in a temporary folder: without demo data
 * the first start needs an administrator password, and what is entered survives a restart.
 */
class FirstStartTest {

    private static final String ADMIN_PASSWORD = "harbour-lantern-57";

    @TempDir
    Path dataDir;

    @AfterEach
    void clearSecurity() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void refusesToStartWithoutDemoDataOrAnAdminPassword() {
        Throwable failure = catchThrowable(() -> start(List.of()).close());

        FirstStartException cause = rootCause(failure);
        assertThat(cause.getMessage()).contains("no accounts", "carenav.demo-data=false");
        FailureAnalysis analysis = new FirstStartFailureAnalyzer().analyze(failure);
        assertThat(analysis.getAction()).contains("CARENAV_INITIAL_ADMIN_PASSWORD");
    }

    @Test
    void refusesAWeakInitialAdminPassword() {
        Throwable failure = catchThrowable(() -> start(List.of("--carenav.initial-admin-password=password1234")).close());
        assertThat(rootCause(failure).getMessage()).contains("not acceptable", "commonly used");
    }

    @Test
    void createsOnlyTheAdministratorAndKeepsDataAcrossARestart() {
        try (ConfigurableApplicationContext first = start(List.of("--carenav.initial-admin-password=" + ADMIN_PASSWORD))) {
            OrganisationAdmin admin = first.getBean(OrganisationAdmin.class);
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            assertThat(admin.allStaff()).extracting(StaffSummary::username).containsExactly("admin");
            assertThat(admin.allPractices()).isEmpty();
            assertThat(first.getBean(StaffMemberRepository.class).count()).isEqualTo(1);
        }
        // A second start needs no password any more; an account entered through the service survives.
        try (ConfigurableApplicationContext second = start(List.of())) {
            StaffMemberRepository staff = second.getBean(StaffMemberRepository.class);
            StaffMember admin = staff.findByUsernameIgnoreCase("admin").orElseThrow();
            assertThat(second.getBean(PasswordEncoder.class).matches(ADMIN_PASSWORD, admin.getPasswordHash())).isTrue();
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            second.getBean(OrganisationAdmin.class).resetPassword(admin.getId(), "compass-meadow-42");
        }
        try (ConfigurableApplicationContext third = start(List.of())) {
            StaffMember admin = third.getBean(StaffMemberRepository.class).findByUsernameIgnoreCase("admin").orElseThrow();
            assertThat(third.getBean(PasswordEncoder.class).matches("compass-meadow-42", admin.getPasswordHash())).isTrue();
        }
    }

    @Test
    void demoDataIsLoadedOnceIntoAnEmptyDatabase() {
        try (ConfigurableApplicationContext first = start(List.of("--carenav.demo-data=true"))) {
            assertThat(first.getBean(StaffMemberRepository.class).count()).isEqualTo(11);
        }
        try (ConfigurableApplicationContext second = start(List.of("--carenav.demo-data=true"))) {
            assertThat(second.getBean(StaffMemberRepository.class).count()).isEqualTo(11);
            assertThat(second.getBean(PracticeRepository.class).count()).isEqualTo(4);
        }
    }

    private ConfigurableApplicationContext start(List<String> extra) {
        var args = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("carenav").toAbsolutePath(),
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        args.addAll(extra);
        if (extra.stream().noneMatch(a -> a.startsWith("--carenav.demo-data="))) {
            args.add("--carenav.demo-data=false");
        }
        return new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
    }

    private static FirstStartException rootCause(Throwable t) {
        Throwable c = t;
        while (c != null && !(c instanceof FirstStartException)) {
            c = c.getCause();
        }
        assertThat(c).as("cause of " + t).isInstanceOf(FirstStartException.class);
        return (FirstStartException) c;
    }
}
