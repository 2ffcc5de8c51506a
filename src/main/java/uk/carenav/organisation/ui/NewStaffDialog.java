package uk.carenav.organisation.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.stream.Collectors;
import uk.carenav.organisation.AreaSummary;
import uk.carenav.organisation.InvalidInputException;
import uk.carenav.organisation.NewStaffMember;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.PasswordPolicy;
import uk.carenav.organisation.PracticeSummary;
import uk.carenav.organisation.Role;

/** Adds a person. The browser checks the obvious; the service checks everything and names the field. */
class NewStaffDialog extends Dialog {

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Full name");
    private final EmailField email = new EmailField("Email");
    private final ComboBox<Role> role = new ComboBox<>("Role");
    private final ComboBox<PracticeSummary> practice = new ComboBox<>("Practice");
    private final MultiSelectComboBox<PracticeSummary> supervised = new MultiSelectComboBox<>("Supervised practices");
    private final ComboBox<AreaSummary> area = new ComboBox<>("Area");
    private final PasswordField password = new PasswordField("Password");

    NewStaffDialog(OrganisationAdmin admin, Runnable onSaved) {
        setHeaderTitle("Add person");
        username.setRequired(true);
        username.setHelperText("Lower-case letters, digits, dots, dashes; used to sign in");
        username.setMaxLength(50);
        displayName.setRequired(true);
        displayName.setMaxLength(200);
        email.setHelperText("Optional");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setRequired(true);
        practice.setItems(admin.allPractices());
        practice.setItemLabelGenerator(PracticeSummary::label);
        supervised.setItems(admin.allPractices());
        supervised.setItemLabelGenerator(PracticeSummary::label);
        area.setItems(admin.allAreas());
        area.setItemLabelGenerator(AreaSummary::name);
        password.setRequired(true);
        password.setMinLength(PasswordPolicy.MIN_LENGTH);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password");
        role.addValueChangeListener(e -> showFieldsFor(e.getValue()));
        showFieldsFor(null);

        FormLayout form = new FormLayout(username, displayName, email, role, practice, supervised, area, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        add(form);

        Map<String, HasValidation> fields = Map.of("Username", username, "Full name", displayName, "Email", email,
                "Role", role, "Practice", practice, "Supervised practices", supervised, "Area", area,
                "Password", password);
        Button save = new Button("Add person", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                admin.createStaff(new NewStaffMember(username.getValue(), displayName.getValue(), email.getValue(),
                        role.getValue(), practice.getValue() == null ? null : practice.getValue().id(),
                        supervised.getValue().stream().map(PracticeSummary::id).collect(Collectors.toSet()),
                        area.getValue() == null ? null : area.getValue().id(), password.getValue()));
                Notification.show("Added " + username.getValue().strip().toLowerCase(), 4000,
                        Notification.Position.BOTTOM_START);
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                HasValidation field = fields.get(ex.field());
                if (field != null) {
                    field.setErrorMessage(ex.getMessage());
                    field.setInvalid(true);
                    if (field instanceof com.vaadin.flow.component.Focusable<?> f) {
                        f.focus();
                    }
                } else {
                    Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    private void showFieldsFor(Role r) {
        practice.setVisible(r == Role.TRAINEE);
        practice.setRequired(r == Role.TRAINEE);
        supervised.setVisible(r == Role.SUPERVISOR);
        supervised.setRequired(r == Role.SUPERVISOR);
        area.setVisible(r == Role.SERVICE_LEAD);
        area.setRequired(r == Role.SERVICE_LEAD);
    }
}
