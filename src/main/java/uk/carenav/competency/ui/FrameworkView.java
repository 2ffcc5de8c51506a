package uk.carenav.competency.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import uk.carenav.competency.CompetencyFramework;
import uk.carenav.scenario.Catalogue.Competency;

/** For administrators: the competency framework in force, CSV export, and CSV import with a preview first. */
@Route("admin/framework")
@PageTitle("Competency framework | CareNav Trainer")
@Menu(title = "Competency framework", order = 5.5, icon = "vaadin:list-ol")
@RolesAllowed("ADMIN")
public class FrameworkView extends Main {

    private final CompetencyFramework framework;
    private final Grid<Competency> current = grid("Competencies in force");
    private final Div preview = new Div();

    FrameworkView(CompetencyFramework framework) {
        this.framework = framework;
        addClassName("page");
        add(new H1("Competency framework"));
        StreamResource csv = new StreamResource("competency-framework.csv", () -> new ByteArrayInputStream(framework.export()));
        csv.setContentType("text/csv");
        Anchor export = new Anchor(csv, "Export as CSV");
        export.getElement().setAttribute("download", true);
        add(new Paragraph("Assessed calls evidence the competencies their scenarios name; observed live calls evidence "
                + "them through the rubric. Columns for import and export: " + String.join(", ", CompetencyFramework.COLUMNS)
                + " (tier 1, 2 or 3). The file is checked row by row and nothing changes until you import a file with no "
                + "problems."), export);
        current.setItems(framework.current());
        add(current);

        add(new H2("Import a framework"));
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> showPreview(meta.fileName(), bytes))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(1024 * 1024);
        upload.setDropLabel(new Span("Drop a CSV file here"));
        add(upload, preview);
    }

    private void showPreview(String fileName, byte[] bytes) {
        preview.removeAll();
        CompetencyFramework.Preview p = framework.preview(bytes);
        preview.add(new Paragraph(fileName + ": " + p.competencies().size() + " competencies read, " + p.errors().size()
                + (p.errors().size() == 1 ? " problem." : " problems.")));
        if (!p.errors().isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.addClassName("import-errors");
            p.errors().forEach(e -> list.add(new ListItem(e.toString())));
            preview.add(list, new Paragraph("Nothing has been changed. Fix the file and upload it again."));
            return;
        }
        Grid<Competency> g = grid("Competencies in the file");
        g.setItems(p.competencies());
        Button apply = new Button("Import these " + p.competencies().size() + " competencies", e -> {
            framework.apply(p);
            current.setItems(framework.current());
            preview.removeAll();
            Notification.show("Framework imported", 4000, Notification.Position.BOTTOM_START);
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.add(g, apply);
    }

    private static Grid<Competency> grid(String label) {
        Grid<Competency> g = new Grid<>(Competency.class, false);
        g.setAriaLabel(label);
        g.addColumn(Competency::id).setHeader("Id").setAutoWidth(true);
        g.addColumn(Competency::tier).setHeader("Tier").setAutoWidth(true);
        g.addColumn(Competency::domain).setHeader("Domain").setAutoWidth(true);
        g.addColumn(Competency::title).setHeader("Title").setAutoWidth(true);
        g.addColumn(Competency::description).setHeader("Description").setFlexGrow(1);
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        g.setAllRowsVisible(true);
        return g;
    }

}
