package uk.carenav.scenario;

import java.util.List;

/**
 * A check of a whole scenario that needs more than the file and the catalogue, such as scoring its
 * model answers. Checks are found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/uk.carenav.scenario.ScenarioCheck}), so that every way of loading a library
 * (the {@code validate} and {@code score} commands, the web application, tests) applies the same ones
 * without this module depending on the modules that provide them.
 */
public interface ScenarioCheck {

    /** Adds to {@code problems} (with file, line and column) everything wrong with {@code scenario}. */
    void check(Scenario scenario, Catalogue catalogue, List<Problem> problems);
}
