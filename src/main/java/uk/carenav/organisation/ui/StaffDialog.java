package uk.carenav.organisation.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import uk.carenav.base.InvalidInputException;
import uk.carenav.organisation.AreaSummary;
import uk.carenav.organisation.NewStaffMember;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.PasswordPolicy;
import uk.carenav.organisation.PracticeSummary;
import uk.carenav.organisation.Role;
import uk.carenav.organisation.StaffChanges;
import uk.carenav.organisation.StaffDetails;
import uk.carenav.organisation.StaffSummary;
import uk.carenav.organisation.Training;

/**
 * Adds a person, or changes one (role and where it applies, staff id, start date, supervisor, whether they must
 * train). The browser checks the obvious; the service checks everything and names the field.
 */
class StaffDialog extends Dialog {

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Full name");
    private final EmailField email = new EmailField("Email");
    private final ComboBox<Role> role = new ComboBox<>("Role");
    private final ComboBox<PracticeSummary> practice = new ComboBox<>("Practice");
    private final MultiSelectComboBox<PracticeSummary> supervised = new MultiSelectComboBox<>("Supervised practices");
    private final ComboBox<AreaSummary> area = new ComboBox<>("Area");
    private final PasswordField password = new PasswordField("Password");
    private final TextField staffRef = new TextField("Staff id");
    private final DatePicker startDate = new DatePicker("Start date");
    private final ComboBox<StaffSummary> supervisor = new ComboBox<>("Supervisor");
    private final Select<Training> training = new Select<>();

    /** {@code existing} null adds a person; otherwise the dialog edits that account. */
    StaffDialog(OrganisationAdmin admin, StaffDetails existing, Runnable onSaved) {
        boolean adding = existing == null;
        setHeaderTitle(adding ? "Add person" : "Change " + existing.username());
        username.setRequired(true);
        username.setHelperText(adding ? "Lower-case letters, digits, dots, dashes; used to sign in" : "Usernames do not change");
        username.setMaxLength(50);
        username.setReadOnly(!adding);
        displayName.setRequired(true);
        displayName.setMaxLength(200);
        email.setHelperText("Optional");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setRequired(true);
        List<PracticeSummary> practices = admin.allPractices();
        practice.setItems(practices);
        practice.setItemLabelGenerator(PracticeSummary::label);
        supervised.setItems(practices);
        supervised.setItemLabelGenerator(PracticeSummary::label);
        area.setItems(admin.allAreas());
        area.setItemLabelGenerator(AreaSummary::name);
        password.setRequired(true);
        password.setMinLength(PasswordPolicy.MIN_LENGTH);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password");
        password.setVisible(adding);
        staffRef.setHelperText("The employer's id, used to match roster imports; optional");
        staffRef.setMaxLength(50);
        startDate.setHelperText("Optional");
        List<StaffSummary> supervisors = adding ? List.of() : admin.supervisors();
        supervisor.setItems(supervisors);
        supervisor.setItemLabelGenerator(s -> s.displayName() + " (" + s.username() + ")");
        supervisor.setClearButtonVisible(true);
        supervisor.setHelperText("The trainee's named supervisor; optional");
        training.setLabel("Care navigation training");
        training.setItems(Training.values());
        training.setItemLabelGenerator(Training::label);
        training.setHelperText("Not required and long-term leave are kept out of coverage percentages");
        training.setValue(Training.REQUIRED);
        staffRef.setVisible(!adding);
        startDate.setVisible(!adding);
        role.addValueChangeListener(e -> showFieldsFor(e.getValue(), adding));
        if (!adding) {
            fill(existing, practices, supervisors);
        }
        showFieldsFor(role.getValue(), adding);

        FormLayout form = new FormLayout(username, displayName, email, role, practice, supervised, area, password, staffRef,
                startDate, supervisor, training);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        add(form);

        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("Username", username);
        fields.put("Full name", displayName);
        fields.put("Email", email);
        fields.put("Role", role);
        fields.put("Practice", practice);
        fields.put("Supervised practices", supervised);
        fields.put("Area", area);
        fields.put("Password", password);
        fields.put("Staff id", staffRef);
        fields.put("Start date", startDate);
        fields.put("Supervisor", supervisor);
        Button save = new Button(adding ? "Add person" : "Save changes", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                Long practiceId = practice.getValue() == null ? null : practice.getValue().id();
                var supervisedIds = supervised.getValue().stream().map(PracticeSummary::id).collect(Collectors.toSet());
                Long areaId = area.getValue() == null ? null : area.getValue().id();
                if (adding) {
                    admin.createStaff(new NewStaffMember(username.getValue(), displayName.getValue(), email.getValue(),
                            role.getValue(), practiceId, supervisedIds, areaId, password.getValue()));
                } else {
                    admin.updateStaff(existing.id(), new StaffChanges(displayName.getValue(), email.getValue(), role.getValue(),
                            practiceId, supervisedIds, areaId, staffRef.getValue(), startDate.getValue(),
                            supervisor.getValue() == null ? null : supervisor.getValue().id(), training.getValue()));
                }
                Notification.show((adding ? "Added " : "Saved ") + username.getValue().strip().toLowerCase(), 4000,
                        Notification.Position.BOTTOM_START);
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                HasValidation field = fields.get(ex.field());
                if (field != null) {
                    field.setErrorMessage(ex.getMessage());
                    field.setInvalid(true);
                    if (field instanceof Focusable<?> f) {
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

    private void fill(StaffDetails d, List<PracticeSummary> practices, List<StaffSummary> supervisors) {
        username.setValue(d.username());
        displayName.setValue(d.displayName());
        email.setValue(d.email() == null ? "" : d.email());
        role.setValue(d.role());
        practices.stream().filter(p -> Objects.equals(p.id(), d.practiceId())).findFirst().ifPresent(practice::setValue);
        supervised.setValue(practices.stream().filter(p -> d.supervisedPracticeIds().contains(p.id())).collect(Collectors.toSet()));
        if (d.areaId() != null) {
            area.getListDataView().getItems().filter(a -> a.id() == d.areaId()).findFirst().ifPresent(area::setValue);
        }
        staffRef.setValue(d.staffRef() == null ? "" : d.staffRef());
        startDate.setValue(d.startDate());
        supervisors.stream().filter(s -> Objects.equals(s.id(), d.supervisorId())).findFirst().ifPresent(supervisor::setValue);
        training.setValue(d.training());
    }

    private void showFieldsFor(Role r, boolean adding) {
        practice.setVisible(r == Role.TRAINEE);
        practice.setRequired(r == Role.TRAINEE);
        supervised.setVisible(r == Role.SUPERVISOR);
        supervised.setRequired(r == Role.SUPERVISOR);
        area.setVisible(r == Role.SERVICE_LEAD);
        area.setRequired(r == Role.SERVICE_LEAD);
        supervisor.setVisible(!adding && r == Role.TRAINEE);
        training.setVisible(!adding && r == Role.TRAINEE);
    }
}
