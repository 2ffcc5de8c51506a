package uk.carenav.organisation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused first start into a short message instead of a stack trace. */
class FirstStartFailureAnalyzer extends AbstractFailureAnalyzer<FirstStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstStartException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
