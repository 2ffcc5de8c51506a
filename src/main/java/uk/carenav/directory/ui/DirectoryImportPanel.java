package uk.carenav.directory.ui;

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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import uk.carenav.base.InvalidInputException;
import uk.carenav.directory.DirectoryCsv.Mode;
import uk.carenav.directory.DirectoryCsv.Preview;
import uk.carenav.directory.DirectoryCsv.RowError;
import uk.carenav.directory.DirectoryCsv;

/** Every practice's and PCN's directory as one CSV: export, and import with a row-by-row preview. */
class DirectoryImportPanel extends Div {

    private final DirectoryCsv csv;
    private final Div preview = new Div();
    private final Runnable onImported;

    DirectoryImportPanel(DirectoryCsv csv, Runnable onImported) {
        this.csv = csv;
        this.onImported = onImported;
        add(new H2("Import and export"));
        add(new Paragraph("One row per service. Columns, in this order: " + String.join(", ", DirectoryCsv.COLUMNS)
                + ". scope is practice (code: the ODS code) or pcn (code: the PCN's name; the service is shared by all its "
                + "practices unless a practice has its own for that route). route_id is a catalogue route id, e.g. "
                + "fcp-physio. A row replaces the entry for the same scope, code and route; entries not in the file stay."));
        StreamResource export = new StreamResource("service-directory.csv", () -> new ByteArrayInputStream(csv.export()));
        export.setContentType("text/csv");
        Anchor link = new Anchor(export, "Export every directory as CSV");
        link.getElement().setAttribute("download", true);
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> show(meta.fileName(), bytes))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(DirectoryCsv.MAX_BYTES);
        upload.setDropLabel(new Span("Drop a directory CSV here"));
        add(link, upload, preview);
    }

    private void show(String fileName, byte[] bytes) {
        preview.removeAll();
        Preview p = csv.preview(bytes);
        preview.add(new Paragraph(fileName + ": " + p.rows() + " rows read, " + p.entries().size() + " valid, "
                + p.errors().size() + (p.errors().size() == 1 ? " problem." : " problems.")));
        if (!p.errors().isEmpty()) {
            Grid<RowError> errors = new Grid<>(RowError.class, false);
            errors.setAriaLabel("Problems in the directory file, by row and column");
            errors.addColumn(RowError::row).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
            errors.addColumn(e -> e.column() == null ? "(whole row)" : e.column()).setHeader("Column").setAutoWidth(true).setFlexGrow(0);
            errors.addColumn(RowError::message).setHeader("Problem").setFlexGrow(1);
            errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            errors.setAllRowsVisible(p.errors().size() <= 10);
            errors.setItems(p.errors());
            preview.add(errors);
        }
        if (p.entries().isEmpty()) {
            preview.add(new Paragraph("Nothing can be imported from this file. Fix the problems and upload it again."));
            return;
        }
        RadioButtonGroup<Mode> mode = new RadioButtonGroup<>("How to import");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> m == Mode.ALL_OR_NOTHING ? "All or nothing: import only if every row is valid"
                : "Import the " + p.entries().size() + (p.entries().size() == 1 ? " valid row" : " valid rows")
                        + " and skip the rows with problems");
        mode.setValue(p.errors().isEmpty() ? Mode.ALL_OR_NOTHING : Mode.VALID_ROWS_ONLY);
        Button go = new Button("Import " + p.entries().size() + (p.entries().size() == 1 ? " service" : " services"), e -> {
            try {
                int n = csv.apply(p, mode.getValue());
                Notification.show("Imported " + n + " services", 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                preview.removeAll();
                onImported.run();
            } catch (InvalidInputException ex) {
                Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.add(mode, go);
    }
}
