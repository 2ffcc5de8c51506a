package uk.carenav.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@Transactional
@WithMockUser(username = "admin", roles = "ADMIN")
class CompetencyFrameworkTest {

    private static final String HEADER = "id,tier,domain,title,description\n";

    @Autowired
    CompetencyFramework framework;

    private CompetencyFramework.Preview preview(String csv) {
        return framework.preview(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedFrameworkIsInForceUntilTheFirstImportAndExportsCleanly() throws Exception {
        assertThat(framework.current()).hasSize(11).first().satisfies(c -> assertThat(c.id()).isEqualTo("COM-1"));
        byte[] exported = framework.export();
        // Exported, then imported again: the same framework.
        CompetencyFramework.Preview again = framework.preview(exported);
        assertThat(again.errors()).isEmpty();
        assertThat(again.competencies()).isEqualTo(framework.current());
        assertThat(framework.preview(Files.readAllBytes(Path.of("scenarios/catalogue/competency-framework.csv"))).importable())
                .isTrue();
    }

    @Test
    void aGoodFileReplacesTheFrameworkAllAtOnce() {
        CompetencyFramework.Preview p = preview(HEADER + "COM-1,1,Communication,Open the call,Greets the caller\n"
                + "RISK-9,2,Risk,Spot sepsis,\"Knows the sepsis words, and acts\"\n");
        assertThat(p.importable()).isTrue();
        framework.apply(p);
        assertThat(framework.current()).extracting(c -> c.id()).containsExactly("COM-1", "RISK-9");
        assertThat(framework.current().get(1).description()).isEqualTo("Knows the sepsis words, and acts");
    }

    @Test
    void everyBadRowIsReportedWithItsRowAndColumnAndNothingIsWritten() {
        CompetencyFramework.Preview p = preview(HEADER
                + "COM-1,1,Communication,Open the call,ok\n"
                + "com 2,1,Communication,Lower-case id,bad id\n"
                + "COM-1,1,Communication,Duplicate,dup\n"
                + "COM-3,7,Communication,Tier out of range,x\n"
                + "COM-4,one,Communication,Tier not a number,x\n"
                + "COM-5,1,,No domain,x\n"
                + "COM-6,1,Communication,=HYPERLINK(\"http://x\"),formula\n"
                + "COM-7,1,Communication\n");
        assertThat(p.importable()).isFalse();
        assertThat(p.errors()).extracting(Object::toString).containsExactly(
                "row 3, column id: 'com 2' should look like RISK-1 (capital letters, digits, dashes)",
                "row 4, column id: 'COM-1' appears twice",
                "row 5, column tier: should be 1, 2 or 3",
                "row 6, column tier: 'one' should be 1, 2 or 3",
                "row 7, column domain: should be 1 to 200 characters",
                "row 8, column title: starts with '=': spreadsheet formulas are not allowed",
                "row 9: has 3 cells; expected 5");
        assertThatThrownBy(() -> framework.apply(p)).isInstanceOf(IllegalArgumentException.class);
        assertThat(framework.current()).hasSize(11);
    }

    @Test
    void wrongEncodingsEmptyBinaryAndWrongHeadersAreRefused() {
        assertThat(framework.preview("id,tier\nCAF\u00c9-1,1".getBytes(StandardCharsets.ISO_8859_1)).errors())
                .extracting(Object::toString).containsExactly("file: the file is not UTF-8 text; in a spreadsheet, save it as \"CSV UTF-8\"");
        assertThat(framework.preview(new byte[0]).errors()).extracting(Object::toString).containsExactly("file: the file is empty");
        assertThat(framework.preview(new byte[] {'i', 'd', 0, 1}).errors()).extracting(Object::toString)
                .containsExactly("file: the file contains binary data, not CSV text");
        assertThat(preview("code,level\nA,1\n").errors()).extracting(Object::toString)
                .containsExactly("row 1: the columns must be id,tier,domain,title,description (found code,level)");
        assertThat(preview(HEADER).errors()).extracting(Object::toString)
                .containsExactly("file: the file has a header but no competencies");
        assertThat(framework.preview(new byte[2 * 1024 * 1024]).errors()).hasSize(1);
    }

    @Test
    void exportNeutralisesCellsThatSpreadsheetsWouldRun() {
        assertThat(CompetencyFramework.safe("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CompetencyFramework.safe("+44 20")).isEqualTo("'+44 20");
        assertThat(CompetencyFramework.safe("-1")).isEqualTo("'-1");
        assertThat(CompetencyFramework.safe("@cmd")).isEqualTo("'@cmd");
        assertThat(CompetencyFramework.safe("Plain")).isEqualTo("Plain");
    }

    @Test
    @WithMockUser(username = "supervisor1", roles = "SUPERVISOR")
    void onlyAdministratorsImportOrExport() {
        assertThatThrownBy(() -> framework.export()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> preview(HEADER)).isInstanceOf(AccessDeniedException.class);
    }
}
