/**
 * Areas, primary care networks (PCNs), practices and their staff, with each person's roles: administration,
 * roster import, demo data and first start. Owns {@code area}, {@code pcn}, {@code practice},
 * {@code staff_member}, {@code staff_role} and {@code supervised_practice}; all but the last are read models
 * (ids, names and links) that other modules may join.
 */
package uk.carenav.organisation;
