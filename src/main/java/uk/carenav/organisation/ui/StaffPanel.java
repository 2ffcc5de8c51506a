package uk.carenav.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import uk.carenav.base.InvalidInputException;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.Role;
import uk.carenav.organisation.StaffSummary;

/** Everyone who can sign in, with adding people, deactivating and password resets. */
class StaffPanel extends Div {

    private final OrganisationAdmin admin;
    private final Grid<StaffSummary> grid = new Grid<>(StaffSummary.class, false);
    private final TextField filter = new TextField();
    private List<StaffSummary> all = List.of();

    StaffPanel(OrganisationAdmin admin) {
        this.admin = admin;

        filter.setLabel("Find a person");
        filter.setPlaceholder("Name, username or practice");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> applyFilter());

        Button add = new Button("Add person", VaadinIcon.PLUS.create(), e -> new StaffDialog(admin, null, this::refresh).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(filter, add);
        toolbar.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.BASELINE);

        grid.setAriaLabel("Users");
        grid.addColumn(StaffSummary::displayName).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(StaffSummary::username).setHeader("Username").setSortable(true).setAutoWidth(true);
        grid.addColumn(s -> s.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", ")))
                .setHeader("Role").setSortable(true).setAutoWidth(true);
        grid.addColumn(StaffSummary::practices).setHeader("Practice").setSortable(true).setAutoWidth(true);
        grid.addColumn(s -> s.enabled() ? "Active" : "Deactivated").setHeader("Account").setSortable(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setWidth("15rem").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);

        add(toolbar, grid);
        refresh();
    }

    private HorizontalLayout actions(StaffSummary s) {
        Button toggle = new Button(s.enabled() ? "Deactivate" : "Reactivate", e -> {
            try {
                admin.setEnabled(s.id(), !s.enabled());
                Notification.show((s.enabled() ? "Deactivated " : "Reactivated ") + s.username(), 4000,
                        Notification.Position.BOTTOM_START);
                refresh();
            } catch (InvalidInputException ex) {
                Notification n = Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        toggle.setAriaLabel((s.enabled() ? "Deactivate " : "Reactivate ") + s.username());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button edit = new Button("Change", e -> new StaffDialog(admin, admin.staffDetails(s.id()), this::refresh).open());
        edit.setAriaLabel("Change " + s.username());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button reset = new Button("Reset password", e -> new ResetPasswordDialog(admin, s).open());
        reset.setAriaLabel("Reset password of " + s.username());
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        // Three actions wrap onto two lines rather than run off a laptop screen.
        HorizontalLayout actions = new HorizontalLayout(edit, toggle, reset);
        actions.setWrap(true);
        actions.setSpacing(false);
        return actions;
    }

    void refresh() {
        all = admin.allStaff();
        applyFilter();
    }

    private void applyFilter() {
        String f = filter.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(f.isEmpty() ? all : all.stream().filter(s -> (s.displayName() + " " + s.username() + " "
                + s.practices()).toLowerCase(Locale.ROOT).contains(f)).toList());
    }
}
