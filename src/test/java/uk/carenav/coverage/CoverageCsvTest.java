package uk.carenav.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import uk.carenav.competency.AreaTrainingStatus;
import uk.carenav.competency.TraineeStatus;

class CoverageCsvTest {

    @Test
    void theTableExportsWithCountsAndNeutralisedFormulas() throws Exception {
        var area = new AreaTrainingStatus.Area("=Northvale", List.of(
                new AreaTrainingStatus.PracticeStatus("X90001", "Riverside Surgery", "Riverside PCN", 4,
                        Map.of(TraineeStatus.SIGNED_OFF, 3, TraineeStatus.IN_TRAINING, 1)),
                new AreaTrainingStatus.PracticeStatus("X90002", "+Evil, \"quoted\" Surgery", "@PCN", 0, Map.of())));
        byte[] csv = CoverageCsv.of(area);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFArea,PCN,Practice,ODS code,Trainees,Not started,In training,Ready for sign-off,"
                + "Signed off,Refresher due,Sign-off revoked,Signed off %,RAG");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("Area")).isEqualTo("'=Northvale");
        assertThat(rows.get(0).get("Signed off")).isEqualTo("3");
        assertThat(rows.get(0).get("Signed off %")).isEqualTo("75");
        assertThat(rows.get(0).get("RAG")).isEqualTo("Amber");
        assertThat(rows.get(1).get("Practice")).isEqualTo("'+Evil, \"quoted\" Surgery");
        assertThat(rows.get(1).get("PCN")).isEqualTo("'@PCN");
        assertThat(rows.get(1).get("RAG")).isEqualTo("No trainees");
    }
}
