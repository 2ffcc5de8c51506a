/** Areas, primary care networks (PCNs), practices and their staff, with each person's roles. */
package uk.carenav.organisation;
