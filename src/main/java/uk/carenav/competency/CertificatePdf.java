package uk.carenav.competency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The sign-off certificate as a one-page PDF: who, where, when, by whom, what was evidenced, refresher date. */
final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

    record Content(String trainee, String practice, String pcn, LocalDate signedOn, String supervisor, String policyVersion,
            boolean exception, List<String> competencies, LocalDate refresherDue, long signOffId) {
    }

    private CertificatePdf() {
    }

    static byte[] render(Content c) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Care navigation sign-off: " + c.trainee());
            info.setCreator("CareNav Trainer");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float y = 760;
                y = line(s, bold, 22, 60, y, "Certificate of care navigation sign-off");
                y -= 16;
                y = line(s, regular, 12, 60, y, "This certifies that");
                y = line(s, bold, 18, 60, y - 6, c.trainee());
                y = line(s, regular, 12, 60, y - 4, "of " + c.practice() + " (" + c.pcn() + ")");
                y -= 10;
                for (String l : wrap("has been signed off to take real calls as a care navigator, having shown the "
                        + "competencies below in assessed simulated calls and supervisor-observed live calls.", 85)) {
                    y = line(s, regular, 12, 60, y, l);
                }
                y -= 10;
                y = line(s, bold, 12, 60, y, "Competencies evidenced");
                for (String comp : c.competencies()) {
                    for (String l : wrap("- " + comp, 88)) {
                        y = line(s, regular, 11, 70, y, l);
                    }
                }
                y -= 12;
                y = line(s, regular, 12, 60, y, "Signed off on " + DATE.format(c.signedOn()) + " by " + c.supervisor());
                y = line(s, regular, 12, 60, y, "Readiness rule: " + c.policyVersion()
                        + (c.exception() ? " (signed off as a recorded exception)" : ""));
                y = line(s, bold, 12, 60, y, "Refresher due by " + DATE.format(c.refresherDue()));
                line(s, regular, 9, 60, 60, "Sign-off record " + c.signOffId()
                        + ". Valid while not revoked; the practice can confirm it from its audit log.");
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float line(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(latin1(text));
        s.endText();
        return y - size * 1.5f;
    }

    /** The standard PDF fonts cover Latin-1 only: other characters become close equivalents or '?'. */
    private static String latin1(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            sb.append(switch (ch) {
                case '\u2014', '\u2013' -> '-';
                case '\u2018', '\u2019' -> '\'';
                case '\u201C', '\u201D' -> '"';
                default -> ch < 256 ? ch : '?';
            });
        }
        return sb.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
