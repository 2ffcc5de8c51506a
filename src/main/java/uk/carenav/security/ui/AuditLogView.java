package uk.carenav.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import uk.carenav.base.UkTime;
import uk.carenav.security.AuditTrail;

/**
 * For administrators: sign-ins and administrative actions, newest first, a page at a time as the table
 * scrolls, filtered by date range, kind of action and person; and a check of the whole chain that no entry
 * was changed or removed.
 */
@Route("admin/audit")
@PageTitle("Audit log | CareNav Trainer")
@Menu(title = "Audit log", order = 7, icon = "vaadin:clipboard-text")
@RolesAllowed("ADMIN")
public class AuditLogView extends Main {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final AuditTrail trail;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final TextField who = new TextField("Who");
    private final Paragraph matching = new Paragraph();
    private final Grid<AuditTrail.Entry> grid = new Grid<>(AuditTrail.Entry.class, false);

    AuditLogView(AuditTrail trail) {
        this.trail = trail;
        addClassName("page");
        add(new H1("Audit log"));
        Paragraph result = new Paragraph("Each entry carries a fingerprint of the one before it, so a changed or removed "
                + "entry breaks the chain. Check it whenever the log is relied on; the check covers the whole log, "
                + "whatever the filters show.");
        Button verify = new Button("Verify the chain", e -> {
            AuditTrail.Verification v = trail.verify();
            result.setText(v.intact() ? "The chain is intact: " + v.entriesChecked() + " entries checked."
                    : "The chain is broken: " + v.problem() + ". Entries after it cannot be trusted.");
            result.getStyle().set("font-weight", "600").set("color", v.intact() ? "#006a35" : "#b3261e");
        });
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        from.setHelperText("dd/mm/yyyy");
        to.setHelperText("dd/mm/yyyy, included");
        action.setItems(trail.actions());
        action.setClearButtonVisible(true);
        action.setHelperText("Any when empty");
        who.setClearButtonVisible(true);
        who.setHelperText("Part of a username");
        who.setValueChangeMode(ValueChangeMode.LAZY);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        who.addValueChangeListener(e -> refresh());
        Div filters = new Div(from, to, action, who);
        filters.addClassName("filters");

        grid.setAriaLabel("Audit log, newest first");
        grid.addColumn(AuditTrail.Entry::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(x -> WHEN.format(x.at().atZone(UkTime.ZONE))).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditTrail.Entry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::detail).setHeader("Detail").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(100);
        grid.setHeight("70vh");
        add(verify, result, filters, matching, grid);
        refresh();
    }

    private AuditTrail.Filter filter() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(UkTime.ZONE).toInstant();
        LocalDate last = to.getValue();
        Instant end = last == null ? null : last.plusDays(1).atStartOfDay(UkTime.ZONE).toInstant();
        return new AuditTrail.Filter(start, end, action.getValue(), who.getValue());
    }

    private void refresh() {
        AuditTrail.Filter f = filter();
        int count = trail.count(f);
        matching.setText(count == 1 ? "1 entry matches, newest first." : count + " entries match, newest first.");
        grid.setItems(q -> trail.page(f, q.getOffset(), q.getLimit()).stream(), q -> trail.count(f));
    }
}
