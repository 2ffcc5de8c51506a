package uk.carenav.scenario;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The categories a trainee must pass in assessment before sign-off, in the order they are recommended: one
 * configured list ({@code carenav.readiness.required-categories}, default {@link Categories#REQUIRED_FOR_SIGN_OFF})
 * that the readiness rule, the trainee's own page and the "what next" suggestions all use.
 */
@Component
public class RequiredCategories {

    private final List<String> codes;

    RequiredCategories(@Value("${carenav.readiness.required-categories:}") List<String> configured) {
        List<String> given = configured.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        this.codes = given.isEmpty() ? Categories.REQUIRED_FOR_SIGN_OFF : given;
    }

    /** The category codes, in the recommended order. */
    public List<String> codes() {
        return codes;
    }
}
