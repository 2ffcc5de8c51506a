package uk.carenav.base;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rules for text that comes from or goes to files people open in spreadsheets and editors: strict UTF-8,
 * and cells that a spreadsheet would run as a formula.
 */
public final class SpreadsheetText {

    private static final String FORMULA_STARTS = "=+-@";

    private SpreadsheetText() {
    }

    /** A decoder that refuses anything that is not UTF-8, instead of replacing it silently. */
    public static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The text of {@code bytes}, or empty when they are not valid UTF-8. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(strictUtf8().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** True when a spreadsheet would treat the cell as a formula (it starts with =, +, - or @). */
    public static boolean startsLikeFormula(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0;
    }

    /** The cell as a spreadsheet will show it as text: a leading formula character (or tab, return) gets an apostrophe. */
    public static String neutralised(String cell) {
        return startsLikeFormula(cell) || (cell != null && !cell.isEmpty() && "\t\r".indexOf(cell.charAt(0)) >= 0)
                ? "'" + cell : cell;
    }

    /** An uploaded CSV file as text (without a byte-order mark), or why it cannot be read as one. */
    public record UploadedText(String text, String problem) {
    }

    /**
     * Checks an uploaded file before any row is read: empty, larger than {@code maxBytes} (then
     * {@code tooLarge} is the problem), not UTF-8, or binary. A leading byte-order mark is dropped.
     */
    public static UploadedText uploadedCsv(byte[] bytes, int maxBytes, String tooLarge) {
        if (bytes == null || bytes.length == 0) {
            return new UploadedText(null, "the file is empty");
        }
        if (bytes.length > maxBytes) {
            return new UploadedText(null, tooLarge);
        }
        Optional<String> decoded = utf8(bytes);
        if (decoded.isEmpty()) {
            return new UploadedText(null, "the file is not UTF-8 text; in a spreadsheet, save it as \"CSV UTF-8\"");
        }
        String text = decoded.get();
        if (text.indexOf('\0') >= 0) {
            return new UploadedText(null, "the file contains binary data, not CSV text");
        }
        return new UploadedText(text.startsWith("\uFEFF") ? text.substring(1) : text, null);
    }

    /**
     * A table as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the encoding), numbers as
     * they are, empty for null, and every text cell (header included) {@linkplain #neutralised neutralised}.
     */
    public static byte[] csv(List<String> header, List<? extends List<?>> rows) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                .setHeader(header.stream().map(SpreadsheetText::neutralised).toArray(String[]::new)).get())) {
            for (List<?> row : rows) {
                p.printRecord(row.stream().map(c -> c == null ? "" : c instanceof Number ? c : neutralised(c.toString())).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("\uFEFF" + w).getBytes(StandardCharsets.UTF_8);
    }
}
