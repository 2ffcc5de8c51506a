package uk.carenav.competency.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import uk.carenav.base.UkTime;
import uk.carenav.competency.Records.TraineeOverview;
import uk.carenav.competency.SignOffService;
import uk.carenav.competency.TraineeStatus;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffProfile;

/** The supervisor's home: the trainees of their own practices, who is ready and what blocks the others. */
@Route("trainees")
@PageTitle("My trainees | CareNav Trainer")
@Menu(title = "My trainees", order = 2, icon = "vaadin:group")
@RolesAllowed("SUPERVISOR")
public class TraineesView extends Main {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy");

    TraineesView(StaffDirectory directory, SignOffService signOffs) {
        addClassName("page");
        StaffProfile me = directory.currentProfile();
        List<TraineeOverview> trainees = signOffs.myTrainees();

        add(new H1("My trainees"));
        long ready = trainees.stream().filter(t -> t.status() == TraineeStatus.READY).count();
        add(new Paragraph(me.supervisedPractices().isEmpty()
                ? "You do not supervise any practice yet. Ask your administrator to assign your practices."
                : "Trainee care navigators at " + String.join(" and ", me.supervisedPractices()) + ": "
                        + trainees.size() + (trainees.size() == 1 ? " person" : " people") + ", " + ready
                        + " ready for sign-off. Readiness rule " + signOffs.policy().version() + "."));

        ComboBox<TraineeStatus> filter = new ComboBox<>("Show");
        filter.setItems(TraineeStatus.values());
        filter.setItemLabelGenerator(TraineeStatus::label);
        filter.setHelperText("Leave empty to show everyone");
        filter.setClearButtonVisible(true);

        Grid<TraineeOverview> grid = new Grid<>(TraineeOverview.class, false);
        grid.setAriaLabel("Trainees at your practices");
        grid.addColumn(t -> t.trainee().displayName()).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(t -> t.trainee().practice()).setHeader("Practice").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(t -> statusBadge(t.status())).setHeader("Status").setAutoWidth(true)
                .setComparator(TraineeOverview::status).setSortable(true);
        grid.addColumn(TraineeOverview::assessedCalls).setHeader("Assessed calls").setSortable(true).setAutoWidth(true);
        grid.addColumn(t -> t.status() == TraineeStatus.READY || t.status() == TraineeStatus.SIGNED_OFF ? ""
                : t.blockers().isEmpty() ? "Not yet evidenced" : String.join("; ", t.blockers()))
                .setHeader("Held back by").setFlexGrow(2);
        grid.addColumn(t -> t.lastActivity() == null ? "No calls yet" : WHEN.format(t.lastActivity().atZone(UkTime.ZONE)))
                .setHeader("Last activity").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button open = new Button("Open", e -> UI.getCurrent().navigate("trainees/" + t.trainee().id()));
            open.setAriaLabel("Open the record of " + t.trainee().displayName());
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return open;
        }).setHeader("Record").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(trainees);
        filter.addValueChangeListener(e -> grid.setItems(e.getValue() == null ? trainees
                : trainees.stream().filter(t -> t.status() == e.getValue()).toList()));
        add(filter, grid);
    }

    static Span statusBadge(TraineeStatus s) {
        Span b = new Span(s.label());
        b.getElement().getThemeList().add("badge " + switch (s) {
            case READY -> "success";
            case SIGNED_OFF -> "success primary";
            case REFRESHER_DUE, REVOKED -> "error";
            case IN_TRAINING -> "";
            case NOT_STARTED -> "contrast";
        });
        return b;
    }
}
