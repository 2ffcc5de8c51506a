package uk.carenav.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.SignIn;
import uk.carenav.base.InvalidInputException;
import uk.carenav.directory.ServiceDirectory.LocalService;

@SpringBootTest
@Transactional
class ServiceDirectoryTest {

    @Autowired
    ServiceDirectory directory;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private long practice(String ods) {
        return jdbc.sql("select id from practice where ods_code = ?").param(ods).query(Long.class).single();
    }

    @Test
    void traineesSeeTheirOwnPracticesNamesAndAdminsSeeTheGaps() {
        SignIn.as(users, "trainee1");
        assertThat(directory.forMyPractice()).containsOnlyKeys("pharmacy-first", "fcp-physio", "social-prescribing");
        assertThat(directory.forMyPractice().get("pharmacy-first").name()).isEqualTo("Riverside Pharmacy (Pharmacy First)");
        SignIn.as(users, "trainee3");
        assertThat(directory.forMyPractice()).isEmpty();

        SignIn.as(users, "admin");
        long quayside = practice("X90002");
        assertThat(directory.gaps(quayside)).hasSize(35);
        directory.save(quayside, new LocalService("talking-therapies", "Northvale Talking Therapies", "Self-refer online",
                "+44 1632 960100", null, "Adults 18+"));
        assertThat(directory.gaps(quayside)).hasSize(34);

        SignIn.as(users, "trainee3");
        assertThat(directory.forMyPractice().get("talking-therapies").contact()).isEqualTo("+44 1632 960100");
    }

    @Test
    void everyFieldIsCheckedOnTheServer() {
        SignIn.as(users, "admin");
        long p = practice("X90003");
        assertThatThrownBy(() -> directory.save(p, new LocalService("teleport", "X", null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("Route"));
        assertThatThrownBy(() -> directory.save(p, new LocalService("dentist", " ", null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("Local name"));
        assertThatThrownBy(() -> directory.save(p, new LocalService("dentist", "=HYPERLINK(\"x\")", null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("formula"));
        assertThatThrownBy(() -> directory.save(p, new LocalService("dentist", "Dental", null, "x".repeat(201), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("Phone or web address"));
        assertThat(directory.forPractice(p)).isEmpty();
    }
}
