/**
 * The service lead's side, and the read-only reporting module: training coverage across PCNs and practices
 * (counts, RAG, drill-down, trend), weak spots, CSV and xAPI exports. The one module allowed to join other
 * modules' tables; it writes only its own roll-ups ({@code rollup_*}, kept by {@link uk.carenav.coverage.WeakSpotRollups}).
 */
package uk.carenav.coverage;
