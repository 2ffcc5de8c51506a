/**
 * The scenario library: simulated calls authored as data under {@code scenarios/}, the catalogue (routes, red
 * flags, safety-netting steps, note facts), categories and the ones sign-off requires, the {@code validate}
 * command and the library page. Uses only {@code base}; knows nothing of staff.
 */
package uk.carenav.scenario;
