/**
 * Keeping the data safe: the online database backup (administrators download it) and the {@code restore}
 * command. Uses only {@code base}, so the administration page can offer it.
 */
package uk.carenav.system;
