/**
 * The local service directory: what each practice and PCN offers for each route (name, how to refer, hours),
 * its CSV import and export, the gaps report, the demo directory and its administration page. The call page
 * reads it to name routes in the trainee's own practice's words. Owns {@code local_service} and
 * {@code pcn_local_service}.
 */
package uk.carenav.directory;
