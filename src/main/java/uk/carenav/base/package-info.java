/** Shared user interface: the main layout, the home redirect and the access-denied page. */
package uk.carenav.base;
