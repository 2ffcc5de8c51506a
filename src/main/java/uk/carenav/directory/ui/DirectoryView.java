package uk.carenav.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Set;
import uk.carenav.base.ui.FieldErrors;
import uk.carenav.directory.DirectoryCsv;
import uk.carenav.directory.ServiceDirectory.LocalService;
import uk.carenav.directory.ServiceDirectory;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.PracticeSummary;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.ScenarioLibrary;

/** For administrators: each practice's own services for the catalogue routes, and the routes it has none for. */
@Route("admin/directory")
@PageTitle("Service directory | CareNav Trainer")
@Menu(title = "Service directory", order = 4.5, icon = "vaadin:book-dollar")
@RolesAllowed("ADMIN")
public class DirectoryView extends Main {

    private final ServiceDirectory directory;
    private final ComboBox<PracticeSummary> practice = new ComboBox<>("Practice");
    private final Grid<Catalogue.Route> grid = new Grid<>(Catalogue.Route.class, false);
    private final Paragraph gaps = new Paragraph();
    private Map<String, LocalService> current = Map.of();
    private Set<String> shared = Set.of();

    DirectoryView(ServiceDirectory directory, OrganisationAdmin admin, ScenarioLibrary library, DirectoryCsv csv) {
        this.directory = directory;
        addClassName("page");
        add(new H1("Service directory"));
        add(new Paragraph("What each practice calls its services and how callers reach them. Trainees at the practice see "
                + "these names in the route picker; calls are still marked against the catalogue route."));
        practice.setItems(admin.allPractices());
        practice.setItemLabelGenerator(PracticeSummary::label);
        practice.setWidth("28rem");
        practice.addValueChangeListener(e -> refresh());
        grid.setAriaLabel("Routes and the practice's local services");
        grid.addColumn(Catalogue.Route::name).setHeader("Catalogue route").setAutoWidth(true);
        grid.addColumn(r -> current.containsKey(r.id()) ? current.get(r.id()).name()
                        + (shared.contains(r.id()) ? " (shared by the PCN)" : "") : "No local service")
                .setHeader("Local service").setAutoWidth(true);
        grid.addColumn(r -> current.containsKey(r.id()) && current.get(r.id()).contact() != null
                ? current.get(r.id()).contact() : "").setHeader("Phone or web").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            String action = current.containsKey(r.id()) ? "Edit" : "Add";
            Button edit = new Button(action, e -> edit(r));
            // The accessible name starts with the visible word, so voice control users can say what they see.
            edit.setAriaLabel(action + " local service for " + r.name());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return edit;
        }).setHeader("Change").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(library.current().catalogue().services());
        add(practice, gaps, grid, new DirectoryImportPanel(csv, this::refresh));
        admin.allPractices().stream().findFirst().ifPresent(practice::setValue);
    }

    private void refresh() {
        if (practice.getValue() == null) {
            return;
        }
        current = directory.forPractice(practice.getValue().id());
        shared = directory.sharedByPcn(practice.getValue().id());
        var missing = directory.gaps(practice.getValue().id());
        int routes = grid.getListDataView().getItemCount();
        gaps.setText(missing.isEmpty() ? "Every catalogue route has a local service." : missing.size() + " of " + routes
                + " routes have no local service here; trainees see the catalogue name for those (marked below).");
        grid.getDataProvider().refreshAll();
    }

    private void edit(Catalogue.Route route) {
        LocalService existing = current.get(route.id());
        Dialog d = new Dialog();
        d.setHeaderTitle(route.name() + " at " + practice.getValue().name());
        TextField name = new TextField("Local name");
        name.setRequired(true);
        name.setMaxLength(200);
        TextField access = new TextField("How to refer or self-refer");
        access.setMaxLength(500);
        TextField contact = new TextField("Phone or web address");
        contact.setMaxLength(200);
        TextField hours = new TextField("Opening hours");
        hours.setMaxLength(200);
        TextArea notes = new TextArea("Eligibility notes");
        notes.setMaxLength(1000);
        if (existing != null) {
            name.setValue(existing.name());
            access.setValue(existing.access() == null ? "" : existing.access());
            contact.setValue(existing.contact() == null ? "" : existing.contact());
            hours.setValue(existing.hours() == null ? "" : existing.hours());
            notes.setValue(existing.notes() == null ? "" : existing.notes());
        }
        FormLayout form = new FormLayout(name, access, contact, hours, notes);
        d.add(new Div(new Paragraph(route.forWhom())), form);
        FieldErrors errors = new FieldErrors(Map.of("Local name", name, "How to refer or self-refer", access,
                "Phone or web address", contact, "Opening hours", hours, "Eligibility notes", notes));
        Button save = new Button("Save", e -> {
            if (errors.save(() -> directory.save(practice.getValue().id(), new LocalService(route.id(), name.getValue(),
                    access.getValue(), contact.getValue(), hours.getValue(), notes.getValue())))) {
                d.close();
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
