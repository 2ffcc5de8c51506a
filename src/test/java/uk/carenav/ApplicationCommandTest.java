package uk.carenav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line: help prints the commands instead of starting the web server; an unknown command is refused. */
class ApplicationCommandTest {

    @Test
    void helpListsTheCommandsAndAnUnknownCommandIsAUsageError() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            assertThat(Application.runCommand("--help", List.of())).isZero();
            assertThat(Application.runCommand("help", List.of())).isZero();
            assertThat(Application.runCommand("valdate", List.of())).isEqualTo(2);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("validate", "score", "match", "restore",
                "(no command)   start the web application");
        assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith("Unknown command 'valdate'.").contains("Usage:");
    }
}
