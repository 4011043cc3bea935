/**
 * Events of attendance-service on {@code ent.attendance}, keyed by pupil id so that a pupil's
 * events keep their order. Payloads carry ids and facts, never a confidential reason or comment.
 */
package fr.ent.events.contract.attendance;
