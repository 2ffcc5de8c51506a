package uk.carenav.scenario;

/** The bytes of a scenario or catalogue file and the path to show in messages. */
public record SourceFile(String path, byte[] bytes) {
}
