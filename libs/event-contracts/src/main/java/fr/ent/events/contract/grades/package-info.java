/**
 * Events of grades-service on {@code ent.grades}, keyed by assessment id (or period id for a
 * lock) so that an assessment's publication and its later changes keep their order. Payloads carry
 * ids, the subject code and the times from which pupils and guardians may see the marks; never a
 * mark, an assessment's title or an appreciation.
 */
package fr.ent.events.contract.grades;
