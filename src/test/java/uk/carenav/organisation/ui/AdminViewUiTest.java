package uk.carenav.organisation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.UiTest;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.PcnSummary;
import uk.carenav.organisation.PracticeSummary;
import uk.carenav.organisation.Role;
import uk.carenav.organisation.StaffSummary;
import uk.carenav.organisation.Training;

@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AdminViewUiTest extends UiTest {

    @Test
    @SuppressWarnings("unchecked")
    void adminAddsAPracticeAndSeesTheFieldAtFaultFirst() {
        signIn("admin");
        UI.getCurrent().navigate("admin");
        _get(TabSheet.class).setSelectedIndex(1);
        _click(_get(Button.class, spec -> spec.withText("Add practice")));

        Dialog dialog = _get(Dialog.class);
        ComboBox<PcnSummary> pcn = _get(dialog, ComboBox.class, spec -> spec.withLabel("PCN"));
        pcn.setValue(pcn.getListDataView().getItems().findFirst().orElseThrow());
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("ODS code")), "1234");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Practice name")), "Brookside Surgery");
        _click(_get(dialog, Button.class, spec -> spec.withText("Add practice")));

        TextField ods = _get(dialog, TextField.class, spec -> spec.withLabel("ODS code"));
        assertThat(ods.isInvalid()).isTrue();
        assertThat(ods.getErrorMessage()).contains("ODS code");

        _setValue(ods, "x90077");
        _click(_get(dialog, Button.class, spec -> spec.withText("Add practice")));
        assertThat(dialog.isOpened()).isFalse();
        Grid<PracticeSummary> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getAriaLabel().orElse("").equals("Practices")));
        assertThat(GridKt._fetch(grid, 0, 100)).extracting(PracticeSummary::label).contains("Brookside Surgery (X90077)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminAddsATraineeWhoAppearsInTheUserList() {
        signIn("admin");
        UI.getCurrent().navigate("admin");
        _click(_get(Button.class, spec -> spec.withText("Add person")));
        Dialog dialog = _get(Dialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Username")), "jo.patel");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Full name")), "Jo Patel");
        ComboBox<Role> role = _get(dialog, ComboBox.class, spec -> spec.withLabel("Role"));
        role.setValue(Role.TRAINEE);
        ComboBox<PracticeSummary> practice = _get(dialog, ComboBox.class, spec -> spec.withLabel("Practice"));
        practice.setValue(practice.getListDataView().getItems().findFirst().orElseThrow());
        _setValue(_get(dialog, PasswordField.class, spec -> spec.withLabel("Password")), "password1234");
        _click(_get(dialog, Button.class, spec -> spec.withText("Add person")));

        PasswordField password = _get(dialog, PasswordField.class, spec -> spec.withLabel("Password"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("commonly used");

        _setValue(password, "lantern-harbour-88");
        _click(_get(dialog, Button.class, spec -> spec.withText("Add person")));
        assertThat(dialog.isOpened()).isFalse();
        Grid<StaffSummary> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getAriaLabel().orElse("").equals("Users")));
        assertThat(GridKt._fetch(grid, 0, 100)).extracting(StaffSummary::username).contains("jo.patel");
        // A supervisor of two practices is listed with both.
        StaffSummary helen = GridKt._fetch(grid, 0, 100).stream().filter(s -> s.username().equals("supervisor1"))
                .findFirst().orElseThrow();
        assertThat(GridKt._getFormattedRow(grid, GridKt._fetch(grid, 0, 100).indexOf(helen)))
                .contains("Riverside Surgery, Quayside Medical Centre");
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminPutsATraineeOnLongTermLeaveAndNamesTheirSupervisor() {
        signIn("admin");
        UI.getCurrent().navigate("admin");
        // As the Users grid's "Change" button for trainee3 does.
        long id = admin.allStaff().stream().filter(s -> s.username().equals("trainee3")).findFirst().orElseThrow().id();
        new StaffDialog(admin, admin.staffDetails(id), () -> { }).open();
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Change trainee3");
        assertThat(_get(dialog, TextField.class, spec -> spec.withLabel("Username")).isReadOnly()).isTrue();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Staff id")), "=cmd");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save changes")));
        TextField ref = _get(dialog, TextField.class, spec -> spec.withLabel("Staff id"));
        assertThat(ref.isInvalid()).isTrue();

        _setValue(ref, "E3003");
        Select<Training> training =
                _get(dialog, Select.class, spec -> spec.withLabel("Care navigation training"));
        training.setValue(Training.LONG_TERM_LEAVE);
        ComboBox<StaffSummary> supervisor = _get(dialog, ComboBox.class, spec -> spec.withLabel("Supervisor"));
        supervisor.setValue(supervisor.getListDataView().getItems().filter(s -> s.username().equals("supervisor1"))
                .findFirst().orElseThrow());
        _click(_get(dialog, Button.class, spec -> spec.withText("Save changes")));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.sql("select s.training || ' ' || s.staff_ref || ' ' || sup.username from staff_member s "
                + "join staff_member sup on sup.id = s.supervisor_id where s.username = 'trainee3'").query(String.class).single())
                .isEqualTo("LONG_TERM_LEAVE E3003 supervisor1");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationAdmin admin;

    @Test
    void aRosterFileTheBrowserRefusesIsExplainedWithTheLimit() {
        signIn("admin");
        UI.getCurrent().navigate("admin");
        TabSheet tabs = _get(TabSheet.class);
        tabs.setSelectedIndex(2);
        Upload upload = _get(Upload.class);
        ComponentUtil.fireEvent(upload, new FileRejectedEvent(upload, "File is Too Big.", "huge.csv"));
        Paragraph refused = _get(Paragraph.class, spec -> spec.withClasses("upload-refused"));
        assertThat(refused.getText()).isEqualTo("\"huge.csv\" was not read: a roster file can be at most 10 MB. Split it "
                + "into smaller files, for example one per PCN.");
        assertThat(refused.getElement().getAttribute("role")).isEqualTo("alert");
        ComponentUtil.fireEvent(upload, new FileRejectedEvent(upload, "Incorrect File Type.", "roster.xlsx"));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("upload-refused")).getText())
                .isEqualTo("\"roster.xlsx\" was not read: only a .csv file can be imported.");
    }
}
