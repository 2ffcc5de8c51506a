package uk.carenav.coverage.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The trend chart, drawn in the browser by chart.js (an open-source library) from the figures set here. */
@Tag("carenav-trend-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./src/carenav-trend-chart.js")
class TrendChart extends Component {

    private static final ObjectMapper JSON = new ObjectMapper();

    TrendChart(List<String> labels, List<Integer> percent, List<Integer> calls, List<Integer> passed, String summary) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("labels", labels);
        series.put("percent", percent);
        series.put("calls", calls);
        series.put("passed", passed);
        try {
            getElement().setAttribute("series", JSON.writeValueAsString(series));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        getElement().setAttribute("summary", summary);
        getElement().getClassList().add("trend-chart");
    }
}
