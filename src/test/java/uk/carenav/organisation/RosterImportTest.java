package uk.carenav.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.SignIn;
import uk.carenav.base.InvalidInputException;
import uk.carenav.organisation.RosterImport.Mode;
import uk.carenav.organisation.RosterImport.Preview;
import uk.carenav.organisation.RosterImport.RowError;

/** Roster CSV import against the real database: preview, both import modes, re-import, hostile files, 10,000 rows. */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RosterImportTest {

    private static final String HEADER = String.join(",", RosterImport.COLUMNS) + "\n";

    @Autowired
    RosterImport roster;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void admin() {
        SignIn.as(users, "admin");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static byte[] csv(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGoodFileAddsPeopleAndReimportingUpdatesThemByStaffIdOrEmail() {
        Preview p = roster.preview(csv(
                "S1,ann.lee@example.nhs.uk,Ann Lee,supervisor,X90002,2020-01-06,,required,",
                "T1,bob.kaur@example.nhs.uk,Bob Kaur,trainee,X90002,01/09/2026,S1,required,",
                "T2,cat.ode@example.nhs.uk,Cat Ode,care navigator,X90002,,ann.lee@example.nhs.uk,long-term leave,cat.o"));
        assertThat(p.errors()).isEmpty();
        assertThat(p.newPeople()).isEqualTo(3);
        AtomicInteger progress = new AtomicInteger();
        var result = roster.apply(p, Mode.ALL_OR_NOTHING, progress::set);
        assertThat(result).isEqualTo(new RosterImport.Result(3, 0, 0));
        assertThat(progress.get()).isEqualTo(3);

        assertThat(jdbc.sql("""
                select s.username || ' ' || s.start_date || ' ' || s.training || ' ' || sup.username || ' ' || p.ods_code
                from staff_member s join practice p on p.id = s.practice_id join staff_member sup on sup.id = s.supervisor_id
                where s.staff_ref = 'T1'""").query(String.class).single()).isEqualTo("bob.kaur 2026-09-01 REQUIRED ann.lee X90002");
        assertThat(jdbc.sql("select training from staff_member where staff_ref = 'T2'").query(String.class).single())
                .isEqualTo("LONG_TERM_LEAVE");
        assertThat(jdbc.sql("select username from staff_member where staff_ref = 'T2'").query(String.class).single()).isEqualTo("cat.o");
        assertThat(jdbc.sql("select sup.username from staff_member s join staff_member sup on sup.id = s.supervisor_id where s.staff_ref = 'T2'")
                .query(String.class).single()).isEqualTo("ann.lee");
        assertThat(jdbc.sql("select count(*) from supervised_practice sp join staff_member s on s.id = sp.staff_id where s.staff_ref = 'S1'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select r.role from staff_role r join staff_member s on s.id = r.staff_id where s.staff_ref = 'T1'")
                .query(String.class).single()).isEqualTo("TRAINEE");
        // New accounts cannot sign in with any password anyone knows.
        String hash = jdbc.sql("select password_hash from staff_member where staff_ref = 'T1'").query(String.class).single();
        assertThat(encoder.matches("carenav-demo", hash)).isFalse();
        assertThat(encoder.matches("", hash)).isFalse();

        // Re-import: Bob found by staff id (new name, moved practice), Cat by email alone (staff id column empty).
        Preview again = roster.preview(csv(
                "T1,bob.kaur@example.nhs.uk,Robert Kaur,trainee,X90001,2026-09-01,S1,required,",
                ",CAT.ODE@example.nhs.uk,Cat Ode,trainee,X90002,,,required,"));
        assertThat(again.errors()).isEmpty();
        assertThat(again.newPeople()).isZero();
        assertThat(roster.apply(again, Mode.ALL_OR_NOTHING, n -> { })).isEqualTo(new RosterImport.Result(0, 2, 0));
        assertThat(jdbc.sql("select s.display_name || ' ' || p.ods_code from staff_member s join practice p on p.id = s.practice_id where s.staff_ref = 'T1'")
                .query(String.class).single()).isEqualTo("Robert Kaur X90001");
        assertThat(jdbc.sql("select training from staff_member where staff_ref = 'T2'").query(String.class).single()).isEqualTo("REQUIRED");
        assertThat(jdbc.sql("select count(*) from staff_member where staff_ref in ('S1', 'T1', 'T2')").query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ROSTER_IMPORTED'").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void everyKindOfBadRowIsNamedByRowAndColumn() {
        Preview p = roster.preview(csv(
                "B1,b1@example.nhs.uk,=HYPERLINK(\"http://x\"),trainee,X90001,,,required,",
                "B2,b2@example.nhs.uk,Bea Two,trainee,Z00000,,,required,",
                "B3,b3@example.nhs.uk,Bea Three,trainee,X90001,31/02/2026,,required,",
                "B4,b4@example.nhs.uk,Bea Four,receptionist,X90001,,,required,",
                "B5,b5@example.nhs.uk,Bea Five,trainee,X90001,,,sometimes,",
                "B5,b6@example.nhs.uk,Bea Six,trainee,X90001,,,required,",
                "B7,b5@example.nhs.uk,Bea Seven,trainee,X90001,,,required,",
                "B8,b8@example.nhs.uk,,trainee,X90001,,,required,",
                "B9,b9@example.nhs.uk,Bea Nine,trainee,X90001,,nobody,required,",
                "B10,b10@example.nhs.uk,Bea Ten,trainee",
                "B11,not-an-email,Bea Eleven,trainee,X90001,,,required,",
                "B12,b12@example.nhs.uk,Bea Twelve,trainee,X90001,,,required,trainee1",
                "B13,b13@example.nhs.uk,Bea Thirteen,trainee,X90001,,,required,",
                ",,Nobody Known,trainee,X90001,,,required,"));
        assertThat(p.errors()).extracting(RowError::row, RowError::column).contains(
                Tuple.tuple(2L, "full_name"),
                Tuple.tuple(3L, "practice_ods"),
                Tuple.tuple(4L, "start_date"),
                Tuple.tuple(5L, "role"),
                Tuple.tuple(6L, "training"),
                Tuple.tuple(7L, "staff_id"),
                Tuple.tuple(8L, "email"),
                Tuple.tuple(9L, "full_name"),
                Tuple.tuple(10L, "supervisor"),
                Tuple.tuple(11L, null),
                Tuple.tuple(12L, "email"),
                Tuple.tuple(13L, "username"),
                Tuple.tuple(15L, "staff_id"));
        assertThat(p.errors().get(0).toString()).isEqualTo(
                "Row 2, column full_name: starts with '=': spreadsheet formulas are not allowed");
        assertThat(p.errors()).filteredOn(e -> e.row() == 7).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("also on row 6"));
        // Row 14 (B13) is the only valid row.
        assertThat(p.people()).extracting(RosterImport.Person::row).containsExactly(14L);

        long before = jdbc.sql("select count(*) from staff_member").query(Long.class).single();
        assertThatThrownBy(() -> roster.apply(p, Mode.ALL_OR_NOTHING, n -> { }))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("problems"));
        assertThat(jdbc.sql("select count(*) from staff_member").query(Long.class).single()).isEqualTo(before);

        var result = roster.apply(p, Mode.VALID_ROWS_ONLY, n -> { });
        assertThat(result.added()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(13);
        assertThat(jdbc.sql("select display_name from staff_member where staff_ref = 'B13'").query(String.class).single())
                .isEqualTo("Bea Thirteen");
    }

    @Test
    void unreadableFilesAreRefusedWholeAndNothingIsWritten() {
        assertThat(roster.preview(new byte[0]).errors()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("the file is empty"));
        byte[] latin1 = (HEADER + "L1,l1@example.nhs.uk,Zoë Brontë,trainee,X90001,,,required,\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(roster.preview(latin1).errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("not UTF-8"));
        assertThat(roster.preview(new byte[] {'a', 0, 'b'}).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("binary"));
        assertThat(roster.preview("name,email\nA,b\n".getBytes(StandardCharsets.UTF_8)).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("the columns must be staff_id,email"));
        assertThat(roster.preview(HEADER.getBytes(StandardCharsets.UTF_8)).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("no people"));
        assertThat(roster.preview(new byte[RosterImport.MAX_BYTES + 1]).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("larger than 10 MB"));
        assertThat(roster.preview("\"unclosed,quote\n".getBytes(StandardCharsets.UTF_8)).unreadable()).isTrue();
        // A UTF-8 file with a byte-order mark (as spreadsheets save it) and accents reads fine.
        byte[] bom = ("\uFEFF" + HEADER + "U1,u1@example.nhs.uk,Zoë Brontë,trainee,X90001,,,required,\n").getBytes(StandardCharsets.UTF_8);
        assertThat(roster.preview(bom).errors()).isEmpty();
        Preview empty = roster.preview(new byte[0]);
        assertThatThrownBy(() -> roster.apply(empty, Mode.VALID_ROWS_ONLY, n -> { })).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theExportReimportsAndNeutralisesFormulas() {
        jdbc.sql("update staff_member set display_name = '=2+3' where username = 'trainee1'").update();
        String text = new String(roster.export(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + String.join(",", RosterImport.COLUMNS));
        assertThat(text).contains("'=2+3").doesNotContain(",=2+3");
        assertThat(new String(roster.template(), StandardCharsets.UTF_8)).contains("Sam Patel");
        assertThat(roster.preview(roster.template()).errors()).isEmpty();
    }

    @Test
    void tenThousandRowsImportInOneGo() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 10_000; i++) {
            sb.append("N").append(i).append(",n").append(i).append("@example.nhs.uk,Navigator ").append(i)
                    .append(",trainee,X9000").append(i % 4 + 1).append(",2026-01-0").append(i % 9 + 1).append(",supervisor1,required,\n");
        }
        long t0 = System.nanoTime();
        Preview p = roster.preview(sb.toString().getBytes(StandardCharsets.UTF_8));
        long t1 = System.nanoTime();
        assertThat(p.errors()).isEmpty();
        var result = roster.apply(p, Mode.ALL_OR_NOTHING, n -> { });
        long t2 = System.nanoTime();
        assertThat(result.added()).isEqualTo(10_000);
        assertThat(jdbc.sql("select count(*) from staff_member where staff_ref like 'N%'").query(Integer.class).single()).isEqualTo(10_000);
        System.out.printf("Roster import of 10,000 rows: preview %d ms, import %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
