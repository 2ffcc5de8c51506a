package uk.carenav;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import uk.carenav.base.UkTime;
import uk.carenav.conversation.MatchCommand;
import uk.carenav.scenario.ValidateCommand;
import uk.carenav.scoring.ScoreCommand;
import uk.carenav.system.RestoreCommand;

/**
 * CareNav Trainer: a training and competency simulator for GP care navigators.
 *
 * <p>{@code java -jar carenav-trainer.jar} starts the web application; {@code validate}, {@code score}, {@code match} and {@code restore}
 * run a command for scenario authors instead, without starting the web server.
 */
@SpringBootApplication
@Theme("carenav")
public class Application implements AppShellConfigurator {

    static final String USAGE = """
            Usage: java -jar carenav-trainer.jar [COMMAND] [ARGS...]
              (no command)   start the web application (Spring settings as --name=value)
              validate       check scenario files:  validate [DIR | FILE...]
              score          score a transcript:    score SCENARIO_FILE TRANSCRIPT_FILE [--variant V] [--text]
              match          what a call would hear: match SCENARIO_FILE [--variant V] [--json] UTTERANCE...
              restore        restore a backup:      restore BACKUP.zip [--data-dir DIR]
              help           this text""";

    public static void main(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || args[0].equals("--help") || args[0].equals("-h"))) {
            System.exit(runCommand(args[0], Arrays.asList(args).subList(1, args.length)));
        }
        SpringApplication.run(Application.class, args);
    }

    static int runCommand(String command, List<String> args) {
        return switch (command) {
            case "help", "--help", "-h" -> {
                System.out.println(USAGE);
                yield 0;
            }
            case "validate" -> ValidateCommand.run(args, System.out, System.err);
            case "score" -> ScoreCommand.run(args, System.out, System.err);
            case "restore" -> RestoreCommand.run(args, System.out, System.err);
            case "match" -> MatchCommand.run(args, System.out, System.err);
            default -> {
                System.err.println("Unknown command '" + command + "'.\n" + USAGE);
                yield 2;
            }
        };
    }

    /** The clock every time stamp comes from, so tests can fix the time; its zone is Europe/London. */
    @Bean
    Clock clock() {
        return Clock.system(UkTime.ZONE);
    }
}
