/** The service lead's side: training coverage across PCNs and practices. */
package uk.carenav.coverage;
