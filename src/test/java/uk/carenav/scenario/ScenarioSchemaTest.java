package uk.carenav.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JSON Schema for editors must accept every shipped scenario and refuse obvious mistakes. */
class ScenarioSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(readJson(Path.of("scenarios/scenario.schema.json")));

    @Test
    void acceptsEveryShippedScenario() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("scenarios/library"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            Set<ValidationMessage> errors = schema.validate(YAML.readTree(f.toFile()));
            assertThat(errors).as(f.toString()).isEmpty();
        }
    }

    @Test
    void refusesAnUnknownFieldAndAWrongCategory() throws IOException {
        JsonNode scenario = YAML.readTree(Path.of("scenarios/library/emergency-red-flags/chest-pain-gardening.yaml").toFile());
        ((ObjectNode) scenario).put("titel", "typo");
        ((ObjectNode) scenario).put("category", "emergencies");
        assertThat(schema.validate(scenario)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("titel")).anyMatch(m -> m.contains("category"));
    }

    private static JsonNode readJson(Path p) {
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
