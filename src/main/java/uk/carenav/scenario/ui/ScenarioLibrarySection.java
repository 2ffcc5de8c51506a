package uk.carenav.scenario.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of the Scenario library page that another module provides (such as the utterances calls could not
 * place, which the call module keeps), so the page can show it without this module depending on that one.
 */
public interface ScenarioLibrarySection {

    /** A new component for the page, built each time the page is shown. */
    Component create();
}
