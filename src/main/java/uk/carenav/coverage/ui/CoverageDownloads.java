package uk.carenav.coverage.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** A link that downloads a CSV made when it is clicked, so the file has the figures of that moment. */
final class CoverageDownloads {

    private CoverageDownloads() {
    }

    static Anchor link(String fileName, String text, Supplier<byte[]> csv) {
        StreamResource resource = new StreamResource(fileName, () -> new ByteArrayInputStream(csv.get()));
        resource.setContentType("text/csv");
        Anchor a = new Anchor(resource, text);
        a.getElement().setAttribute("download", true);
        return a;
    }
}
