package uk.carenav.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import uk.carenav.security.AuditTrail;

/** For administrators: sign-ins and administrative actions, and a check that no entry was changed or removed. */
@Route("admin/audit")
@PageTitle("Audit log | CareNav Trainer")
@Menu(title = "Audit log", order = 7, icon = "vaadin:clipboard-text")
@RolesAllowed("ADMIN")
public class AuditLogView extends Main {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss");

    AuditLogView(AuditTrail trail) {
        addClassName("page");
        add(new H1("Audit log"));
        Paragraph result = new Paragraph("Each entry carries a fingerprint of the one before it, so a changed or removed "
                + "entry breaks the chain. Check it whenever the log is relied on.");
        Button verify = new Button("Verify the chain", e -> {
            AuditTrail.Verification v = trail.verify();
            result.setText(v.intact() ? "The chain is intact: " + v.entriesChecked() + " entries checked."
                    : "The chain is broken: " + v.problem() + ". Entries after it cannot be trusted.");
            result.getStyle().set("font-weight", "600").set("color", v.intact() ? "#006a35" : "#b3261e");
        });
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Grid<AuditTrail.Entry> grid = new Grid<>(AuditTrail.Entry.class, false);
        grid.setAriaLabel("Audit log, newest first");
        grid.addColumn(AuditTrail.Entry::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(x -> WHEN.format(x.at().atZone(ZoneId.systemDefault()))).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::detail).setHeader("Detail").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(trail.latest(500));
        add(verify, result, new Paragraph("The latest 500 entries, newest first."), grid);
    }
}
