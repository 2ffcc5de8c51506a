package uk.carenav.organisation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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
}
