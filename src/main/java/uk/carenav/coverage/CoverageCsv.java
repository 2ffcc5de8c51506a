package uk.carenav.coverage;

import java.util.ArrayList;
import java.util.List;
import uk.carenav.base.SpreadsheetText;
import uk.carenav.competency.Readiness.Blocker;
import uk.carenav.competency.TraineeStatus;

/**
 * The dashboard's tables as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the encoding),
 * and every text cell that a spreadsheet would run as a formula (leading =, +, -, @) neutralised with an apostrophe.
 */
public final class CoverageCsv {

    private CoverageCsv() {
    }

    /** Any table: a header and rows of cells; numbers are written as they are, text is neutralised. */
    public static byte[] table(List<String> header, List<List<Object>> rows) {
        return SpreadsheetText.csv(header, rows);
    }

    /** The coverage table, a row per practice, with every status and blocking condition in its own column. */
    public static byte[] of(AreaTrainingStatus.Area area) {
        List<String> header = new ArrayList<>(List.of("Area", "PCN", "Practice", "ODS code", "Trainees required to train"));
        for (TraineeStatus s : TraineeStatus.values()) {
            header.add(s.label());
        }
        header.addAll(List.of("Signed off %", "RAG", "Excluded (not required or on leave)"));
        for (Blocker b : Blocker.values()) {
            header.add("Blocked: " + b.label());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (AreaTrainingStatus.PracticeStatus row : area.practices()) {
            List<Object> cells = new ArrayList<>(List.of(area.name(), row.pcn(), row.practice(), row.odsCode(), row.trainees()));
            for (TraineeStatus s : TraineeStatus.values()) {
                cells.add(row.count(s));
            }
            cells.add(row.signedOffPercent() == null ? "" : row.signedOffPercent());
            cells.add(row.rag());
            cells.add(row.excluded());
            for (Blocker b : Blocker.values()) {
                cells.add(row.blocked(b));
            }
            rows.add(cells);
        }
        return table(header, rows);
    }
}
