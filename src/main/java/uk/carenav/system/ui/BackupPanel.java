package uk.carenav.system.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.nio.file.Path;
import uk.carenav.system.DatabaseBackup;

/** Makes a consistent backup of the embedded database while everyone keeps working. */
public class BackupPanel extends Div {

    public BackupPanel(DatabaseBackup backup) {
        Paragraph about = new Paragraph("A backup copies the whole database, consistently, while the application runs. "
                + "To restore one, stop the application and run: java -jar carenav-trainer.jar restore BACKUP.zip");
        Paragraph result = new Paragraph();
        result.getElement().setAttribute("role", "status");
        Button now = new Button("Back up now", VaadinIcon.DOWNLOAD.create(), e -> {
            try {
                Path file = backup.backup();
                result.setText("Backup written to " + file + ". Copy it somewhere safe, away from this server.");
            } catch (IllegalStateException ex) {
                result.setText(ex.getMessage());
            }
        });
        now.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        now.setEnabled(backup.available());
        if (!backup.available()) {
            result.setText("This installation uses PostgreSQL: back it up with pg_dump.");
        }
        add(about, now, result);
    }
}
