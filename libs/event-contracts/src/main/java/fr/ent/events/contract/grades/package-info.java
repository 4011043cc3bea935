/**
 * Events of grades-service on {@code ent.grades}, keyed by assessment id (or period id for a
 * lock) so that an assessment's publication and its later changes keep their order. Payloads carry
 * ids, the subject code, the times from which pupils and guardians may see the marks, and (optional,
 * added to v1) the assessment's title or the period's name for the families' notices; never a mark
 * or an appreciation.
 */
package fr.ent.events.contract.grades;
