/** The trainee's side: training home and, later, the simulated calls. */
package uk.carenav.call;
