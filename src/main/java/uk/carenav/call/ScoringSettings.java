package uk.carenav.call;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.carenav.scenario.Severity;
import uk.carenav.scoring.ComplianceBand;
import uk.carenav.scoring.ScoringPolicy;

/**
 * The marking settings, from configuration (defaults as documented in scenarios/README.md):
 * {@code carenav.scoring.weight.critical|major|moderate|minor}, {@code carenav.scoring.band.high-compliance|
 * compliant|partial|low} (percentages) and {@code carenav.scoring.pass-band} and
 * {@code carenav.scoring.under-triage-fails} (true: no under-triaged call passes, whatever its points).
 */
@Configuration
class ScoringSettings {

    @Bean
    ScoringPolicy scoringPolicy(
            @Value("${carenav.scoring.weight.critical:20}") int critical,
            @Value("${carenav.scoring.weight.major:10}") int major,
            @Value("${carenav.scoring.weight.moderate:5}") int moderate,
            @Value("${carenav.scoring.weight.minor:2}") int minor,
            @Value("${carenav.scoring.band.high-compliance:95}") double high,
            @Value("${carenav.scoring.band.compliant:85}") double compliant,
            @Value("${carenav.scoring.band.partial:70}") double partial,
            @Value("${carenav.scoring.band.low:50}") double low,
            @Value("${carenav.scoring.pass-band:COMPLIANT}") ComplianceBand passBand,
            @Value("${carenav.scoring.conduct-points:10}") int conduct,
            @Value("${carenav.scoring.under-triage-fails:true}") boolean underTriageFails) {
        return new ScoringPolicy(Map.of(Severity.CRITICAL, critical, Severity.MAJOR, major, Severity.MODERATE, moderate,
                Severity.MINOR, minor), high, compliant, partial, low, passBand, conduct, underTriageFails);
    }
}
