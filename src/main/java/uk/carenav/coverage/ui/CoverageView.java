package uk.carenav.coverage.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.carenav.organisation.AreaHeadcount;
import uk.carenav.organisation.PracticeHeadcount;
import uk.carenav.organisation.StaffDirectory;

/** The service lead's home: the practices in their area and how many navigators each is training. */
@Route("coverage")
@PageTitle("Training coverage | CareNav Trainer")
@Menu(title = "Training coverage", order = 3, icon = "vaadin:chart-grid")
@RolesAllowed("SERVICE_LEAD")
public class CoverageView extends Main {

    CoverageView(StaffDirectory directory) {
        addClassName("page");
        AreaHeadcount area = directory.myArea();

        add(new H1("Training coverage"));
        add(new Paragraph(area.area() + ": " + area.pcnCount() + " PCNs, " + area.practices().size()
                + " practices, " + area.totalTrainees() + " trainee care navigators."));

        Grid<PracticeHeadcount> grid = new Grid<>(PracticeHeadcount.class, false);
        grid.setAriaLabel("Practices in your area with trainee headcounts");
        grid.addColumn(PracticeHeadcount::pcn).setHeader("PCN").setSortable(true);
        grid.addColumn(PracticeHeadcount::practice).setHeader("Practice").setSortable(true).setFlexGrow(2);
        grid.addColumn(PracticeHeadcount::odsCode).setHeader("ODS code");
        grid.addColumn(PracticeHeadcount::trainees).setHeader("Trainees").setSortable(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(area.practices());
        add(grid);
    }
}
