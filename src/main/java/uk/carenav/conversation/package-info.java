/**
 * Conversational calls: what a navigator types is matched, with Apache Lucene, to the scenario's questions,
 * statements, the distractor bank and the safety-netting steps, so that a call tests recall, not recognition.
 * Plain Java on top of the scenario model; the call module saves what was heard.
 */
package uk.carenav.conversation;
