package uk.carenav.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import uk.carenav.base.InvalidInputException;
import uk.carenav.organisation.AreaSummary;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.PcnSummary;
import uk.carenav.organisation.PracticeSummary;

/** Practices by PCN and area, with adding a practice. */
class PracticePanel extends Div {

    private final OrganisationAdmin admin;
    private final Grid<PracticeSummary> grid = new Grid<>(PracticeSummary.class, false);

    PracticePanel(OrganisationAdmin admin) {
        this.admin = admin;
        Button add = new Button("Add practice", VaadinIcon.PLUS.create(), e -> openNewPractice());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button addPcn = new Button("Add PCN", VaadinIcon.PLUS.create(), e -> openNewPcn());

        grid.setAriaLabel("Practices");
        grid.addColumn(PracticeSummary::name).setHeader("Practice").setSortable(true).setFlexGrow(2);
        grid.addColumn(PracticeSummary::odsCode).setHeader("ODS code").setSortable(true);
        grid.addColumn(PracticeSummary::pcn).setHeader("PCN").setSortable(true);
        grid.addColumn(PracticeSummary::area).setHeader("Area").setSortable(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(new HorizontalLayout(add, addPcn), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(admin.allPractices());
    }

    private void openNewPractice() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add practice");
        ComboBox<PcnSummary> pcn = new ComboBox<>("PCN");
        pcn.setItems(admin.allPcns());
        pcn.setItemLabelGenerator(PcnSummary::label);
        pcn.setRequired(true);
        TextField ods = new TextField("ODS code");
        ods.setRequired(true);
        ods.setMaxLength(6);
        ods.setHelperText("e.g. Y01234");
        TextField name = new TextField("Practice name");
        name.setRequired(true);
        name.setMaxLength(200);
        dialog.add(new FormLayout(pcn, ods, name));
        Button save = new Button("Add practice", e -> {
            pcn.setInvalid(false);
            ods.setInvalid(false);
            name.setInvalid(false);
            try {
                PracticeSummary saved = admin.createPractice(pcn.getValue() == null ? null : pcn.getValue().id(),
                        ods.getValue(), name.getValue());
                Notification.show("Added " + saved.label(), 4000, Notification.Position.BOTTOM_START);
                dialog.close();
                refresh();
            } catch (InvalidInputException ex) {
                switch (ex.field()) {
                    case "PCN" -> { pcn.setErrorMessage(ex.getMessage()); pcn.setInvalid(true); pcn.focus(); }
                    case "ODS code" -> { ods.setErrorMessage(ex.getMessage()); ods.setInvalid(true); ods.focus(); }
                    default -> { name.setErrorMessage(ex.getMessage()); name.setInvalid(true); name.focus(); }
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openNewPcn() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add PCN");
        ComboBox<AreaSummary> area = new ComboBox<>("Area");
        area.setItems(admin.allAreas());
        area.setItemLabelGenerator(AreaSummary::name);
        area.setRequired(true);
        TextField name = new TextField("PCN name");
        name.setRequired(true);
        name.setMaxLength(200);
        dialog.add(new FormLayout(area, name));
        Button save = new Button("Add PCN", e -> {
            area.setInvalid(false);
            name.setInvalid(false);
            try {
                var saved = admin.createPcn(area.getValue() == null ? null : area.getValue().id(), name.getValue());
                Notification.show("Added " + saved.label() + "; add its practices with Add practice", 5000,
                        Notification.Position.BOTTOM_START);
                dialog.close();
            } catch (InvalidInputException ex) {
                if (ex.field().equals("Area")) {
                    area.setErrorMessage(ex.getMessage());
                    area.setInvalid(true);
                    area.focus();
                } else {
                    name.setErrorMessage(ex.getMessage());
                    name.setInvalid(true);
                    name.focus();
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
