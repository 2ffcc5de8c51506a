package uk.carenav.call;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.SpreadsheetText;
import uk.carenav.base.UkTime;

/**
 * For scenario authors: what trainees typed in conversational calls that the call could not place (matched
 * nothing, or two items too close to tell apart), and the red-flag screens a supervisor found misheard (an
 * override of a missed screen, with its reason), newest first, so authors can add phrasings.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UtteranceMisses {

    /** The most a page or an export lists. */
    public static final int LIMIT = 5000;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** One miss, as the page and the CSV show it; {@code at} is already in Europe/London time. */
    public record Miss(String scenarioId, int version, String title, String typed, String heard, String at,
            Instant sortKey) {
    }

    private static Miss miss(AttemptStore.Miss m, String heard) {
        return new Miss(m.scenarioId(), m.version(), m.title(), m.utterance(), heard, WHEN.format(m.at().atZone(UkTime.ZONE)),
                m.at());
    }

    private final AttemptStore store;

    UtteranceMisses(AttemptStore store) {
        this.store = store;
    }

    /** Misses of one scenario, or of all when {@code scenarioId} is null. */
    @Transactional(readOnly = true)
    public List<Miss> recent(String scenarioId) {
        List<Miss> all = new ArrayList<>();
        store.misses(scenarioId, LIMIT).forEach(m -> all.add(miss(m, heard(m.heard()))));
        store.correctedScreens(scenarioId, LIMIT).forEach(m -> all.add(miss(m, "corrected by a supervisor: " + m.heard())));
        // Both lists are newest first; their times are "dd/MM/yyyy HH:mm", so order on the instants kept alongside.
        return all.stream().sorted(Comparator.comparing(Miss::sortKey).reversed()).limit(LIMIT).toList();
    }

    /** The same as CSV for a spreadsheet (UTF-8 with BOM; formula-like cells neutralised). */
    @Transactional(readOnly = true)
    public byte[] csv(String scenarioId) {
        return SpreadsheetText.csv(List.of("scenario", "version", "title", "typed", "heard_as", "when"),
                recent(scenarioId).stream().map(m -> List.<Object>of(m.scenarioId(), m.version(), m.title(), m.typed(),
                        m.heard(), m.at())).toList());
    }

    static String heard(String content) {
        if (content != null && content.startsWith("unclear:")) {
            return "unclear between " + content.substring("unclear:".length()).replace(",", " and ");
        }
        return "nothing";
    }
}
