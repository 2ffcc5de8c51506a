package uk.carenav.organisation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.carenav.base.InvalidInputException;
import uk.carenav.organisation.RosterImport.Mode;
import uk.carenav.organisation.RosterImport.Preview;
import uk.carenav.organisation.RosterImport.RowError;
import uk.carenav.organisation.RosterImport;

/** Bring a roster in from CSV: template, preview of every row, a choice of how to import, progress. */
class RosterPanel extends Div {

    private final RosterImport roster;
    private final Div preview = new Div();
    private final Runnable onImported;

    RosterPanel(RosterImport roster, Runnable onImported) {
        this.roster = roster;
        this.onImported = onImported;
        add(new Paragraph("One row per care navigator or supervisor. Columns, in this order: "
                + String.join(", ", RosterImport.COLUMNS) + ". role is trainee or supervisor; training is required, "
                + "not required or long-term leave (the last two are kept out of coverage percentages); start_date like "
                + "2026-09-01 or 01/09/2026; supervisor is a supervisor's username, staff id or email. People already here "
                + "are matched by staff id, then email, and updated; new people get an account with no usable password "
                + "until you reset it under Users. Nothing is written until you import a checked file."));
        FlexLayout links = new FlexLayout(download("roster-template.csv", "Download the template", roster::template),
                download("roster.csv", "Export the current roster", roster::export));
        links.addClassName("link-row");
        add(links);
        UI ui = UI.getCurrent();
        Upload upload = new Upload();
        // After each file is read the list is cleared, so the next roster can be chosen without removing this one.
        upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> {
            showPreview(meta.fileName(), bytes);
            upload.clearFileList();
        })));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(RosterImport.MAX_BYTES);
        upload.setDropLabel(new Span("Drop a roster CSV here"));
        // The browser refuses a file over the limit before sending it: say so, rather than nothing happening.
        upload.addFileRejectedListener(e -> {
            preview.removeAll();
            String why = e.getErrorMessage() == null ? "" : e.getErrorMessage().toLowerCase(Locale.ROOT);
            Paragraph refused = new Paragraph("\"" + e.getFileName() + "\" was not read: " + (why.contains("big")
                    ? "a roster file can be at most " + RosterImport.MAX_BYTES / (1024 * 1024) + " MB. Split it into "
                            + "smaller files, for example one per PCN."
                    : why.contains("many") ? "choose one file at a time."
                    : "only a .csv file can be imported."));
            refused.addClassName("upload-refused");
            refused.getElement().setAttribute("role", "alert");
            preview.add(refused);
        });
        add(upload, preview);
    }

    private static Anchor download(String name, String text, Supplier<byte[]> bytes) {
        StreamResource r = new StreamResource(name, () -> new ByteArrayInputStream(bytes.get()));
        r.setContentType("text/csv");
        Anchor a = new Anchor(r, text);
        a.getElement().setAttribute("download", true);
        return a;
    }

    private void showPreview(String fileName, byte[] bytes) {
        preview.removeAll();
        Preview p = roster.preview(bytes);
        preview.add(new H2("Checked: " + fileName));
        preview.add(new Paragraph(p.rows() + " rows read: " + p.newPeople() + " new, " + p.updates() + " to update, "
                + p.errors().size() + (p.errors().size() == 1 ? " problem." : " problems.")));
        if (!p.errors().isEmpty()) {
            Grid<RowError> errors = new Grid<>(RowError.class, false);
            errors.setAriaLabel("Problems in the file, by row and column");
            errors.addColumn(RowError::row).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
            errors.addColumn(e -> e.column() == null ? "(whole row)" : e.column()).setHeader("Column").setAutoWidth(true).setFlexGrow(0);
            errors.addColumn(RowError::message).setHeader("Problem").setFlexGrow(1);
            errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            errors.setItems(p.errors());
            errors.setHeight(Math.min(12, p.errors().size() + 1) * 2.4 + "rem");
            errors.addClassName("import-errors");
            preview.add(errors);
        }
        if (p.people().isEmpty()) {
            preview.add(new Paragraph("Nothing can be imported from this file. Fix the problems and upload it again."));
            return;
        }
        RadioButtonGroup<Mode> mode = new RadioButtonGroup<>("How to import");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> m == Mode.ALL_OR_NOTHING ? "All or nothing: import only if every row is valid"
                : "Import the " + p.people().size() + (p.people().size() == 1 ? " valid row" : " valid rows")
                        + " and skip the rows with problems");
        mode.setValue(p.errors().isEmpty() ? Mode.ALL_OR_NOTHING : Mode.VALID_ROWS_ONLY);
        ProgressBar bar = new ProgressBar(0, p.people().size());
        bar.setVisible(false);
        bar.getElement().setAttribute("aria-label", "Import progress");
        Span progressText = new Span();
        progressText.getElement().setAttribute("aria-live", "polite");
        Button go = new Button("Import " + p.people().size() + (p.people().size() == 1 ? " person" : " people"));
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickListener(e -> start(p, mode.getValue(), go, bar, progressText));
        preview.add(mode, go, bar, progressText);
    }

    /** Runs the import off the request thread and polls its progress, so a large file shows how far it has got. */
    private void start(Preview p, Mode mode, Button go, ProgressBar bar, Span progressText) {
        go.setEnabled(false);
        bar.setVisible(true);
        UI ui = UI.getCurrent();
        AtomicInteger written = new AtomicInteger();
        SecurityContext security = SecurityContextHolder.getContext();
        var poll = ui.addPollListener(e -> {
            bar.setValue(written.get());
            progressText.setText(written.get() + " of " + p.people().size() + " written");
        });
        ui.setPollInterval(300);
        CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            try {
                return roster.apply(p, mode, written::set);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }).whenComplete((result, failure) -> runAs(security, () -> ui.access(() -> {
            ui.setPollInterval(-1);
            poll.remove();
            bar.setVisible(false);
            Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
            if (cause == null) {
                progressText.setText("Imported: " + result.added() + " added, " + result.updated() + " updated"
                        + (result.skipped() == 0 ? "." : ", " + result.skipped() + (result.skipped() == 1 ? " row" : " rows")
                        + " skipped."));
                Notification.show(progressText.getText(), 6000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onImported.run();
            } else {
                go.setEnabled(true);
                progressText.setText(cause instanceof InvalidInputException ? cause.getMessage()
                        : "The import failed and nothing was written: " + cause.getMessage());
                Notification.show(progressText.getText(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        })));
    }

    /**
     * Runs {@code task} as the administrator who started the import: the UI update after it (which refreshes the
     * Users list through secured services) may run on the import's own thread, whose security context is cleared.
     */
    private static void runAs(SecurityContext security, Runnable task) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(security);
        try {
            task.run();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
