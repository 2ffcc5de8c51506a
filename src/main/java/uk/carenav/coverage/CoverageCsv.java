package uk.carenav.coverage;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.carenav.competency.AreaTrainingStatus;
import uk.carenav.base.SpreadsheetText;
import uk.carenav.competency.TraineeStatus;

/**
 * The coverage table as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the encoding),
 * and every cell that a spreadsheet would run as a formula (leading =, +, -, @) neutralised with an apostrophe.
 */
public final class CoverageCsv {

    private CoverageCsv() {
    }

    public static byte[] of(AreaTrainingStatus.Area area) {
        List<String> header = new ArrayList<>(List.of("Area", "PCN", "Practice", "ODS code", "Trainees"));
        for (TraineeStatus s : TraineeStatus.values()) {
            header.add(s.label());
        }
        header.addAll(List.of("Signed off %", "RAG"));
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (AreaTrainingStatus.PracticeStatus row : area.practices()) {
                List<Object> cells = new ArrayList<>(List.of(safe(area.name()), safe(row.pcn()), safe(row.practice()),
                        safe(row.odsCode()), row.trainees()));
                for (TraineeStatus s : TraineeStatus.values()) {
                    cells.add(row.count(s));
                }
                cells.add(row.signedOffPercent() == null ? "" : row.signedOffPercent());
                cells.add(row.rag());
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("\uFEFF" + w).getBytes(StandardCharsets.UTF_8);
    }

    static String safe(String cell) {
        return SpreadsheetText.neutralised(cell);
    }
}
