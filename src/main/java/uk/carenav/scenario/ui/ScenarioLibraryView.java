package uk.carenav.scenario.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import uk.carenav.base.UkTime;
import uk.carenav.scenario.Problem;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/** For administrators: every scenario loaded, its review status, and files skipped with their errors. */
@Route("admin/scenarios")
@PageTitle("Scenario library | CareNav Trainer")
@Menu(title = "Scenario library", order = 5, icon = "vaadin:book")
@RolesAllowed("ADMIN")
public class ScenarioLibraryView extends Main {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");
    private final ScenarioLibrary library;
    private final Clock clock;
    private final Div content = new Div();

    ScenarioLibraryView(ScenarioLibrary library, Clock clock, List<ScenarioLibrarySection> sections) {
        this.library = library;
        this.clock = clock;
        addClassName("page");
        Button reload = new Button("Reload scenario files", VaadinIcon.REFRESH.create(), e -> {
            ScenarioLibrary.Snapshot s = library.reload();
            show(s);
            Notification.show("Reloaded: " + s.scenarios().size() + " scenarios, " + s.invalidFiles().size()
                    + " files with errors", 5000, Notification.Position.BOTTOM_START);
        });
        reload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Scenario library"), reload, content);
        show(library.current());
        sections.forEach(section -> add(section.create()));
    }

    private void show(ScenarioLibrary.Snapshot s) {
        content.removeAll();
        LocalDate today = LocalDate.now(clock);
        long overdue = s.scenarios().stream().filter(x -> x.reviewDue().isBefore(today)).count();
        content.add(new Paragraph(s.scenarios().size() + " scenarios loaded"
                + (s.externalDir().isEmpty() ? " from the packaged library" : " from the packaged library and " + s.externalDir())
                + " at " + s.loadedAt().atZone(UkTime.ZONE).toLocalTime().withNano(0) + ". "
                + (overdue == 0 ? "No reviews are overdue." : overdue + (overdue == 1 ? " review is" : " reviews are") + " overdue.")
                + (s.invalidFiles().isEmpty() ? " Every file is valid." : " " + s.invalidFiles().size()
                        + (s.invalidFiles().size() == 1 ? " file was" : " files were") + " skipped because of errors (below).")));

        Grid<Scenario> grid = new Grid<>(Scenario.class, false);
        grid.setAriaLabel("Scenarios");
        grid.addColumn(Scenario::title).setHeader("Title").setSortable(true).setAutoWidth(true);
        grid.addColumn(Scenario::category).setHeader("Category").setSortable(true).setAutoWidth(true);
        grid.addColumn(Scenario::difficulty).setHeader("Difficulty").setSortable(true);
        grid.addColumn(x -> x.variants().size()).setHeader("Variants");
        grid.addColumn(Scenario::reference).setHeader("Id and version").setAutoWidth(true);
        grid.addComponentColumn(x -> reviewBadge(x, today)).setHeader("Review due")
                .setComparator(Scenario::reviewDue).setSortable(true).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(s.scenarios());
        grid.setAllRowsVisible(true);
        content.add(grid);

        if (!s.invalidFiles().isEmpty()) {
            content.add(new H2("Files with errors"));
            content.add(new Paragraph("These files were not loaded. Fix each error (file:line:column) and reload."));
            s.invalidFiles().forEach((file, problems) -> {
                Div block = new Div();
                block.addClassName("invalid-file");
                Span name = new Span(file);
                name.addClassName("invalid-file-name");
                UnorderedList list = new UnorderedList();
                for (Problem p : problems) {
                    list.add(new ListItem(new Text(p.toString())));
                }
                block.add(name, list);
                content.add(block);
            });
        }
    }

    private static Span reviewBadge(Scenario s, LocalDate today) {
        boolean overdue = s.reviewDue().isBefore(today);
        Span badge = new Span((overdue ? "Overdue: " : "") + DATE.format(s.reviewDue()));
        badge.getElement().getThemeList().add(overdue ? "badge error" : "badge contrast");
        return badge;
    }

}
