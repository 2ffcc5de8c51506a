package uk.carenav.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import uk.carenav.base.InvalidInputException;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.PasswordPolicy;
import uk.carenav.organisation.StaffSummary;

/** Sets a new password for someone who has forgotten theirs. */
class ResetPasswordDialog extends Dialog {

    ResetPasswordDialog(OrganisationAdmin admin, StaffSummary person) {
        setHeaderTitle("Reset password for " + person.displayName());
        PasswordField password = new PasswordField("New password");
        password.setRequired(true);
        password.setMinLength(PasswordPolicy.MIN_LENGTH);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; give it to them in person");
        password.setWidthFull();
        add(new Paragraph("Username: " + person.username()), password);
        Button save = new Button("Set password", e -> {
            try {
                admin.resetPassword(person.id(), password.getValue());
                Notification.show("Password changed for " + person.username(), 4000, Notification.Position.BOTTOM_START);
                close();
            } catch (InvalidInputException ex) {
                password.setErrorMessage(ex.getMessage());
                password.setInvalid(true);
                password.focus();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
