package uk.carenav.competency.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** A link that downloads a sign-off certificate, made when clicked (so it always reflects the record). */
class CertificateLink extends Anchor {

    CertificateLink(String text, String fileName, Supplier<byte[]> pdf) {
        StreamResource resource = new StreamResource(fileName, () -> new ByteArrayInputStream(pdf.get()));
        resource.setContentType("application/pdf");
        setHref(resource);
        getElement().setAttribute("download", true);
        setText(text);
        addClassName("certificate-link");
    }
}
