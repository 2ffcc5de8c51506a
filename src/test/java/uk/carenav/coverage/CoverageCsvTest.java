package uk.carenav.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import uk.carenav.competency.Readiness;
import uk.carenav.competency.TraineeStatus;

class CoverageCsvTest {

    @Test
    void theTableExportsWithCountsAndNeutralisedFormulas() throws Exception {
        var area = new AreaTrainingStatus.Area("=Northvale", List.of(
                new AreaTrainingStatus.PracticeStatus(1, "X90001", "Riverside Surgery", 1, "Riverside PCN", 4,
                        Map.of(TraineeStatus.SIGNED_OFF, 3, TraineeStatus.IN_TRAINING, 1), 2,
                        Map.of(Readiness.Blocker.OBSERVED, 1)),
                new AreaTrainingStatus.PracticeStatus(2, "X90002", "+Evil, \"quoted\" Surgery", 2, "@PCN", 0, Map.of(), 0,
                        Map.of())));
        byte[] csv = CoverageCsv.of(area);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFArea,PCN,Practice,ODS code,Trainees required to train,Not started,In training,"
                + "Ready for sign-off,Signed off,Refresher due,Sign-off revoked,Signed off %,RAG,Excluded (not required or on leave),"
                + "Blocked: Too few recent assessed calls,");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("Area")).isEqualTo("'=Northvale");
        assertThat(rows.get(0).get("Signed off")).isEqualTo("3");
        assertThat(rows.get(0).get("Signed off %")).isEqualTo("75");
        assertThat(rows.get(0).get("RAG")).isEqualTo("Amber");
        assertThat(rows.get(0).get("Excluded (not required or on leave)")).isEqualTo("2");
        assertThat(rows.get(0).get("Blocked: Too few observed live calls")).isEqualTo("1");
        assertThat(rows.get(1).get("Practice")).isEqualTo("'+Evil, \"quoted\" Surgery");
        assertThat(rows.get(1).get("PCN")).isEqualTo("'@PCN");
        assertThat(rows.get(1).get("RAG")).isEqualTo("No trainees");
    }
}
