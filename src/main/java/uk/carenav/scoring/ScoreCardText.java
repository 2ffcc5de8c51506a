package uk.carenav.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** A score card as JSON, or as readable text for authors at a terminal. */
public final class ScoreCardText {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ScoreCardText() {
    }

    public static String json(ScoreCard card) {
        try {
            return MAPPER.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(ScoreCard card) {
        StringBuilder sb = new StringBuilder();
        sb.append(card.scenarioId()).append(" v").append(card.scenarioVersion()).append(", variant ")
                .append(card.variantId()).append('\n');
        sb.append(String.format("%s: %.1f%% (%d of %d points) - %s%n", card.band().label(), card.percentage(),
                card.points(), card.possible(), card.passed() ? "PASS" : "FAIL"));
        sb.append("Routing: ").append(card.routingGrade().label());
        if (card.routeChosen() != null) {
            sb.append(" (").append(card.routeChosen()).append(", after ").append(card.questionsBeforeRoute())
                    .append(Integer.valueOf(1).equals(card.questionsBeforeRoute()) ? " question" : " questions").append(card.secondsToRoute() == null ? ""
                            : ", " + Math.round(card.secondsToRoute()) + " s").append(')');
        }
        if (card.confidence() != null) {
            sb.append("; confidence ").append(card.confidence()).append("/5");
        }
        sb.append('\n');
        for (ScoreCard.SegmentScore s : card.segments()) {
            if (s.possible() == 0 && s.findings().isEmpty()) {
                continue;
            }
            sb.append(String.format("%n%s: %d/%d%n", s.segment().label(), s.points(), s.possible()));
            for (Finding f : s.findings()) {
                String points = f.possible() > 0 ? f.points() + "/" + f.possible() : String.valueOf(f.points());
                sb.append(String.format("  %s %s (%s)%n", f.deviation() ? "[" + f.severity().label().toUpperCase() + "]"
                        : "[ok]", f.item(), points));
                sb.append("      did: ").append(f.did()).append('\n');
                if (f.deviation()) {
                    sb.append("      expected: ").append(f.expected()).append('\n');
                    sb.append("      why: ").append(f.feedback()).append('\n');
                    if (!f.source().isEmpty()) {
                        sb.append("      source: ").append(f.source()).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
