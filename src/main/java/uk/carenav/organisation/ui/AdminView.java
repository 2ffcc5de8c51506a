package uk.carenav.organisation.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.RosterImport;
import uk.carenav.system.DatabaseBackup;
import uk.carenav.system.ui.BackupPanel;

/** The administrator's home: people and practices. */
@Route("admin")
@PageTitle("Administration | CareNav Trainer")
@Menu(title = "Administration", order = 4, icon = "vaadin:cog")
@RolesAllowed("ADMIN")
public class AdminView extends Main {

    AdminView(OrganisationAdmin admin, DatabaseBackup backup, RosterImport roster) {
        addClassNames("page", "wide-page");
        add(new H1("Administration"));
        TabSheet tabs = new TabSheet();
        StaffPanel staff = new StaffPanel(admin);
        tabs.add("Users", staff);
        tabs.add("Practices", new PracticePanel(admin));
        tabs.add("Roster import", new RosterPanel(roster, staff::refresh));
        tabs.add("Backup", new BackupPanel(backup));
        tabs.setWidthFull();
        add(tabs);
    }
}
