package uk.carenav.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.SignIn;
import uk.carenav.base.InvalidInputException;

/** Directory CSV import and export, and PCN-shared services, against the real database. */
@SpringBootTest
@Transactional
class DirectoryCsvTest {

    private static final String HEADER = String.join(",", DirectoryCsv.COLUMNS) + "\n";

    @Autowired
    DirectoryCsv csv;
    @Autowired
    ServiceDirectory directory;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void admin() {
        SignIn.as(users, "admin");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static byte[] file(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private long practice(String ods) {
        return jdbc.sql("select id from practice where ods_code = ?").param(ods).query(Long.class).single();
    }

    @Test
    void aPcnSharesAServiceAndAPracticesOwnEntryWins() {
        var p = csv.preview(file(
                "pcn,Riverside PCN,fcp-physio,Riverside PCN First Contact Physio,Book via reception,01632 960111,Mon-Fri 8-6,Adults 16+",
                "pcn,Riverside PCN,talking-therapies,Northvale Talking Therapies,Self-refer online,https://example.org/tt,,"));
        assertThat(p.errors()).isEmpty();
        assertThat(csv.apply(p, DirectoryCsv.Mode.ALL_OR_NOTHING)).isEqualTo(2);

        long quayside = practice("X90002");
        assertThat(directory.forPractice(quayside).get("fcp-physio").name()).isEqualTo("Riverside PCN First Contact Physio");
        assertThat(directory.sharedByPcn(quayside)).containsExactlyInAnyOrder("fcp-physio", "talking-therapies");
        // Riverside Surgery has its own physio entry (demo data): it keeps it; the talking therapies come from the PCN.
        long riverside = practice("X90001");
        assertThat(directory.forPractice(riverside).get("fcp-physio").name()).isNotEqualTo("Riverside PCN First Contact Physio");
        assertThat(directory.sharedByPcn(riverside)).containsExactly("talking-therapies");
        assertThat(directory.gaps(quayside)).hasSize(33);
        // Hillcrest PCN's practices are untouched.
        assertThat(directory.forPractice(practice("X90003"))).isEmpty();
        SignIn.as(users, "trainee3");
        assertThat(directory.forMyPractice()).containsKeys("fcp-physio", "talking-therapies");
    }

    @Test
    void everyBadRowIsNamedAndAllOrNothingWritesNothing() {
        var p = csv.preview(file(
                "practice,X90002,dentist,Quay Dental,,,,",
                "practice,Z99999,dentist,Nowhere Dental,,,,",
                "ward,X90002,dentist,Ward Dental,,,,",
                "practice,X90002,teleport,Beam Me Up,,,,",
                "practice,X90002,nhs-111,,,,,",
                "practice,X90002,nhs-111,=HYPERLINK(\"x\"),,,,",
                "pcn,Nowhere PCN,nhs-111,NHS 111,,,,",
                "practice,X90002,dentist,Quay Dental again,,,,",
                "practice,X90002,midwife-self-referral",
                "practice,X90002,sexual-health-clinic,Clinic,,+44 1632 960000,,"));
        assertThat(p.errors()).extracting(DirectoryCsv.RowError::row, DirectoryCsv.RowError::column).containsExactly(
                Tuple.tuple(3L, "code"), Tuple.tuple(4L, "scope"), Tuple.tuple(5L, "route_id"), Tuple.tuple(6L, "name"),
                Tuple.tuple(7L, null), Tuple.tuple(7L, "name"), Tuple.tuple(8L, "code"), Tuple.tuple(9L, null),
                Tuple.tuple(10L, null));
        assertThat(p.errors().get(4).message()).isEqualTo("the same practice and route as row 6");
        assertThat(p.entries()).extracting(DirectoryCsv.Entry::row).containsExactly(2L, 11L);
        long quayside = practice("X90002");
        assertThatThrownBy(() -> csv.apply(p, DirectoryCsv.Mode.ALL_OR_NOTHING)).isInstanceOf(InvalidInputException.class);
        assertThat(directory.forPractice(quayside)).isEmpty();
        assertThat(csv.apply(p, DirectoryCsv.Mode.VALID_ROWS_ONLY)).isEqualTo(2);
        assertThat(directory.forPractice(quayside)).containsOnlyKeys("dentist", "sexual-health-clinic");
        // A phone number may start with +; it is not a formula.
        assertThat(directory.forPractice(quayside).get("sexual-health-clinic").contact()).isEqualTo("+44 1632 960000");
    }

    @Test
    void unreadableFilesAreRefusedWhole() {
        assertThat(csv.preview(new byte[0]).errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("empty"));
        assertThat(csv.preview((HEADER + "practice,X90001,dentist,Caf\u00e9 Dental,,,,\n").getBytes(StandardCharsets.ISO_8859_1))
                .errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("not UTF-8"));
        assertThat(csv.preview(new byte[] {1, 0, 2}).errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("binary"));
        assertThat(csv.preview("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("the columns must be"));
        assertThat(csv.preview(new byte[DirectoryCsv.MAX_BYTES + 1]).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("larger than 2 MB"));
        assertThat(csv.preview(HEADER.getBytes(StandardCharsets.UTF_8)).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("no services"));
    }

    @Test
    void theExportReimportsUnchangedWithFormulasNeutralised() {
        jdbc.sql("update local_service set notes = '@SUM(A1)' where route_id = 'pharmacy-first'").update();
        String text = new String(csv.export(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + String.join(",", DirectoryCsv.COLUMNS));
        assertThat(text).contains("practice,X90001,pharmacy-first,").contains("'@SUM(A1)");
        jdbc.sql("update local_service set notes = 'Adults' where route_id = 'pharmacy-first'").update();
        var again = csv.preview(csv.export());
        assertThat(again.errors()).isEmpty();
        assertThat(again.entries()).hasSize(3);
    }
}
