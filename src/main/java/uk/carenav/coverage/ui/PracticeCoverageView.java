package uk.carenav.coverage.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.carenav.base.UkTime;
import uk.carenav.competency.Readiness.Blocker;
import uk.carenav.coverage.AreaTrainingStatus.Person;
import uk.carenav.coverage.AreaTrainingStatus.PracticeStatus;
import uk.carenav.coverage.AreaTrainingStatus;
import uk.carenav.coverage.CoverageCsv;

/** One practice of the lead's area, person by person: status, what holds them back, start date and supervisor. */
@Route("coverage/practices/:ods")
@RolesAllowed("SERVICE_LEAD")
public class PracticeCoverageView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final AreaTrainingStatus status;
    private String title = "Practice coverage | CareNav Trainer";

    PracticeCoverageView(AreaTrainingStatus status) {
        this.status = status;
        addClassNames("page", "wide-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String ods = event.getRouteParameters().get("ods").orElse("");
        PracticeStatus practice = status.myArea().practices().stream().filter(p -> p.odsCode().equals(ods)).findFirst()
                .orElse(null);
        var people = practice == null ? Optional.<List<Person>>empty() : status.practicePeople(ods);
        add(new RouterLink("Back to training coverage", CoverageView.class));
        if (people.isEmpty()) {
            // Another area's practice looks exactly like one that does not exist.
            add(new H1("Practice not found"), new Paragraph("There is no practice " + ods + " in your area."));
            return;
        }
        title = practice.practice() + " | Training coverage | CareNav Trainer";
        add(new H1(practice.practice()));
        add(new Paragraph(practice.pcn() + ", ODS code " + practice.odsCode() + ". " + practice.trainees()
                + " required to train, " + practice.rag() + (practice.signedOffPercent() == null ? "" : " "
                + practice.signedOffPercent() + "% signed off") + ". " + CoverageView.why(practice)
                + (practice.excluded() == 0 ? "" : " " + practice.excluded() + " excluded (not required or on long-term leave).")));

        Grid<Person> grid = new Grid<>(Person.class, false);
        grid.setAriaLabel("Care navigators at " + practice.practice());
        grid.addColumn(Person::name).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(p -> p.required() ? p.status().label() : training(p.training())).setHeader("Status")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(PracticeCoverageView::holdingBack).setHeader("Held back by").setFlexGrow(2);
        grid.addColumn(p -> p.startDate() == null ? "" : DATE.format(p.startDate())).setHeader("Start date")
                .setComparator(p -> p.startDate() == null ? LocalDate.MIN : p.startDate()).setAutoWidth(true);
        grid.addColumn(p -> p.supervisor() == null ? "" : p.supervisor()).setHeader("Supervisor").setAutoWidth(true);
        grid.addColumn(p -> p.lastActivity() == null ? "" : DATE.format(p.lastActivity().atZone(UkTime.ZONE)))
                .setHeader("Last call").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(people.get());

        add(CoverageDownloads.link(ods + "-navigators.csv", "Export this table as CSV", () -> csv(practice, people.get())), grid);
    }

    private static String holdingBack(Person p) {
        return p.blockers().stream().map(Blocker::label).collect(Collectors.joining("; "));
    }

    static String training(String code) {
        return switch (code) {
            case "NOT_REQUIRED" -> "Not required to train";
            case "LONG_TERM_LEAVE" -> "Long-term leave";
            default -> "Required";
        };
    }

    private static byte[] csv(PracticeStatus practice, List<Person> people) {
        List<List<Object>> rows = new ArrayList<>();
        for (Person p : people) {
            rows.add(List.of(practice.practice(), practice.odsCode(), p.name(), p.staffRef() == null ? "" : p.staffRef(),
                    training(p.training()), p.required() ? p.status().label() : "", holdingBack(p),
                    p.startDate() == null ? "" : p.startDate().toString(), p.supervisor() == null ? "" : p.supervisor(),
                    p.lastActivity() == null ? "" : p.lastActivity().toString(),
                    p.refresherDue() == null ? "" : p.refresherDue().toString()));
        }
        return CoverageCsv.table(List.of("Practice", "ODS code", "Name", "Staff id", "Training", "Status", "Held back by",
                "Start date", "Supervisor", "Last call", "Refresher due"), rows);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
