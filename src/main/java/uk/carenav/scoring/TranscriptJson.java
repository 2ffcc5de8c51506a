package uk.carenav.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import uk.carenav.scenario.CallAction;

/**
 * Reads and writes transcripts in the documented JSON form (see scenarios/README.md, "Transcripts"),
 * so that attempts can be exported and scored offline.
 */
public final class TranscriptJson {

    private static final Set<String> ACTION_KEYS = Set.of("ask", "say", "route", "safety_net", "note", "confidence");
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20)
                .maxStringLength(100_000).build());
    }

    private TranscriptJson() {
    }

    /**
     * Parses a transcript. {@code variantOverride}, when not null, gives the variant of a transcript that names
     * none; one that names another variant is refused, since its answers came from that variant.
     *
     * @throws InvalidTranscriptException naming the line and column, or the action, at fault
     */
    public static Transcript read(String json, String variantOverride) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InvalidTranscriptException((loc == null ? "" : "line " + loc.getLineNr() + ", column "
                    + loc.getColumnNr() + ": ") + "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTranscriptException("a transcript is a JSON object with scenario, version, variant and actions");
        }
        String scenario = text(root, "scenario");
        if (!root.path("version").canConvertToInt() || !root.path("version").isIntegralNumber()) {
            throw new InvalidTranscriptException("'version' should be the scenario version, a whole number");
        }
        int version = root.get("version").intValue();
        String own = root.hasNonNull("variant") ? text(root, "variant") : null;
        if (variantOverride != null && own != null && !own.equals(variantOverride)) {
            throw new InvalidTranscriptException("the transcript is a call of variant '" + own + "' but --variant asks for '"
                    + variantOverride + "': a call's answers belong to its own variant, so score it as '" + own
                    + "' (or leave out --variant)");
        }
        String variant = variantOverride != null ? variantOverride : own;
        if (variant == null) {
            throw new InvalidTranscriptException("the transcript names no variant: add \"variant\" or use --variant");
        }
        JsonNode actions = root.get("actions");
        if (actions == null || !actions.isArray()) {
            throw new InvalidTranscriptException("'actions' should be a list of call actions");
        }
        List<CallAction> out = new ArrayList<>();
        int i = 0;
        for (JsonNode a : actions) {
            i++;
            out.add(action(a, i));
        }
        return new Transcript(scenario, version, variant, out);
    }

    private static CallAction action(JsonNode a, int index) {
        if (!a.isObject()) {
            throw new InvalidTranscriptException("action " + index + " should be an object like {\"ask\": \"q-where\"}");
        }
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = a.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (ACTION_KEYS.contains(k)) {
                keys.add(k);
            } else if (!k.equals("at")) {
                throw new InvalidTranscriptException("action " + index + ": unknown field '" + k + "'");
            }
        }
        if (keys.size() != 1) {
            throw new InvalidTranscriptException("action " + index + " should have exactly one of ask, say, route, "
                    + "safety_net, note, confidence");
        }
        Double at = null;
        if (a.has("at")) {
            if (!a.get("at").isNumber() || a.get("at").doubleValue() < 0) {
                throw new InvalidTranscriptException("action " + index + ": 'at' should be seconds since the call started");
            }
            at = a.get("at").doubleValue();
        }
        String key = keys.get(0);
        JsonNode v = a.get(key);
        if (key.equals("confidence")) {
            if (!v.isIntegralNumber() || v.intValue() < 1 || v.intValue() > 5) {
                throw new InvalidTranscriptException("action " + index + ": confidence should be a whole number from 1 to 5");
            }
            return new CallAction.RateConfidence(v.intValue(), at);
        }
        if (!v.isTextual()) {
            throw new InvalidTranscriptException("action " + index + ": '" + key + "' should be text");
        }
        String s = v.textValue();
        return switch (key) {
            case "ask" -> new CallAction.Ask(s, at);
            case "say" -> new CallAction.Say(s, at);
            case "route" -> new CallAction.ChooseRoute(s, at);
            case "safety_net" -> new CallAction.SafetyNet(s, at);
            default -> new CallAction.WriteNote(s, at);
        };
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw new InvalidTranscriptException("'" + field + "' should be text");
        }
        return n.textValue();
    }

    /** The transcript as JSON, in the documented form. */
    public static String write(Transcript t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", t.scenarioId());
        root.put("version", t.version());
        root.put("variant", t.variantId());
        ArrayNode actions = root.putArray("actions");
        for (CallAction a : t.actions()) {
            ObjectNode o = actions.addObject();
            if (a.at() != null) {
                o.put("at", a.at());
            }
            if (a instanceof CallAction.Ask x) {
                o.put("ask", x.questionId());
            } else if (a instanceof CallAction.Say x) {
                o.put("say", x.statementId());
            } else if (a instanceof CallAction.ChooseRoute x) {
                o.put("route", x.routeId());
            } else if (a instanceof CallAction.SafetyNet x) {
                o.put("safety_net", x.stepId());
            } else if (a instanceof CallAction.WriteNote x) {
                o.put("note", x.text());
            } else if (a instanceof CallAction.RateConfidence x) {
                o.put("confidence", x.value());
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
