/** The scenario library: simulated calls authored as data under {@code scenarios/}. */
package uk.carenav.scenario;
