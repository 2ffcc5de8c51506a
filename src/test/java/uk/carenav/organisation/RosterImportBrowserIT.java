package uk.carenav.organisation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.BrowserTest;

/**
 * An administrator imports a roster in Chromium: uploads a file with one good and one bad row, sees the bad
 * row named by row and column, imports the valid row (the import runs off the request thread with a progress
 * bar), and the new person is in the database.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RosterImportBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorPreviewsAndImportsTheValidRows() {
        signIn("admin", "carenav-demo");
        page.navigate(url("admin"));
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Roster import")).click();
        assertThat(page.getByText("Download the template")).isVisible();

        String csv = String.join(",", RosterImport.COLUMNS) + "\n"
                + "E77001,rowan.ellis@example.nhs.uk,Rowan Ellis,trainee,X90002,2026-10-05,supervisor1,required,\n"
                + "E77002,kit.moss@example.nhs.uk,Kit Moss,trainee,Q12345,,,required,\n";
        page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload("roster.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getByText("2 rows read: 1 new, 0 to update, 1 problem.")).isVisible();
        assertThat(page.locator("vaadin-grid.import-errors")).containsText("practice_ods");
        assertThat(page.locator("vaadin-grid.import-errors")).containsText("no practice has the ODS code 'Q12345'");
        screenshot("roster-preview");
        Assertions.assertThat(accessibilityViolations()).as("axe on the roster preview").isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 1 person")).click();
        assertThat(page.getByText("Imported: 1 added, 0 updated, 1 row skipped.").first()).isVisible();
        Assertions.assertThat(jdbc.sql(
                "select display_name from staff_member where staff_ref = 'E77001'").query(String.class).single())
                .isEqualTo("Rowan Ellis");
        Assertions.assertThat(jdbc.sql(
                "select count(*) from staff_member where staff_ref = 'E77002'").query(Integer.class).single()).isZero();

        // The Users list shows the new person without a reload.
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Users")).click();
        assertThat(page.locator("vaadin-grid").filter(new Locator.FilterOptions().setHasText("supervisor1")))
                .containsText("Rowan Ellis");
    }
}
