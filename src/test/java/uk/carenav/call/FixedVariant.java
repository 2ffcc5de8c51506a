package uk.carenav.call;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Makes every new call take the scenario's first variant, so a test knows which call it is taking. */
@TestConfiguration
public class FixedVariant {

    @Bean
    @Primary
    VariantPicker firstVariant() {
        return new VariantPicker() {
            @Override
            long newSeed() {
                return 0;
            }
        };
    }
}
