package uk.carenav.competency.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffProfile;
import uk.carenav.organisation.StaffSummary;

/** The supervisor's home: the trainees at the practices they look after. */
@Route("trainees")
@PageTitle("My trainees | CareNav Trainer")
@Menu(title = "My trainees", order = 2, icon = "vaadin:group")
@RolesAllowed("SUPERVISOR")
public class TraineesView extends Main {

    TraineesView(StaffDirectory directory) {
        addClassName("page");
        StaffProfile me = directory.currentProfile();
        List<StaffSummary> trainees = directory.myTrainees();

        add(new H1("My trainees"));
        add(new Paragraph(me.supervisedPractices().isEmpty()
                ? "You do not supervise any practice yet. Ask your administrator to assign your practices."
                : "Trainee care navigators at " + String.join(" and ", me.supervisedPractices()) + ": "
                        + trainees.size() + (trainees.size() == 1 ? " person." : " people.")));

        Grid<StaffSummary> grid = new Grid<>(StaffSummary.class, false);
        grid.setAriaLabel("Trainees at your practices");
        grid.addColumn(StaffSummary::displayName).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(StaffSummary::username).setHeader("Username").setSortable(true);
        grid.addColumn(StaffSummary::practice).setHeader("Practice").setSortable(true).setFlexGrow(2);
        grid.addColumn(StaffSummary::pcn).setHeader("PCN").setSortable(true);
        grid.addColumn(s -> s.enabled() ? "Active" : "Deactivated").setHeader("Account");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(trainees);
        add(grid);
    }
}
