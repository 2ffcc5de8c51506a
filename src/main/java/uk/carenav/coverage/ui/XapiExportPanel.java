package uk.carenav.coverage.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.server.StreamResource;
import java.time.LocalDate;
import uk.carenav.coverage.XapiExport;

/** Choose a date range and download its finished calls as xAPI statements (JSON lines) for a learning record store. */
class XapiExportPanel extends Div {

    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Anchor download = new Anchor();

    XapiExportPanel(XapiExport xapi) {
        addClassName("xapi-export");
        add(new H2("Export for a learning record store"));
        add(new Paragraph("Finished calls of your area's trainees as xAPI statements, one per line: who, which scenario, "
                + "passed or failed, score, duration, the route chosen and every step of the call. Up to "
                + XapiExport.MAX_DAYS + " days at a time."));
        LocalDate today = LocalDate.now();
        from.setValue(today.minusDays(30));
        to.setValue(today);
        from.setMax(today);
        to.setMax(today);
        from.setRequired(true);
        to.setRequired(true);
        download.setText("Download xAPI statements (.jsonl)");
        download.getElement().setAttribute("download", true);
        from.addValueChangeListener(e -> update(xapi));
        to.addValueChangeListener(e -> update(xapi));
        FlexLayout row = new FlexLayout(from, to, download);
        row.addClassName("xapi-row");
        add(row);
        update(xapi);
    }

    private void update(XapiExport xapi) {
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        String problem = f == null ? "Choose the first day." : t == null ? "Choose the last day."
                : t.isBefore(f) ? "The last day must not be before the first day."
                : f.plusDays(XapiExport.MAX_DAYS).isBefore(t) ? "Export at most " + XapiExport.MAX_DAYS + " days at a time." : null;
        to.setInvalid(problem != null && f != null);
        from.setInvalid(f == null);
        to.setErrorMessage(problem);
        from.setErrorMessage(f == null ? problem : null);
        if (problem != null) {
            download.removeHref();
            download.setEnabled(false);
            return;
        }
        download.setEnabled(true);
        StreamResource resource = new StreamResource("carenav-xapi-" + f + "-to-" + t + ".jsonl",
                (out, session) -> xapi.write(f, t, out));
        resource.setContentType("application/x-ndjson");
        download.setHref(resource);
    }
}
