/**
 * Events of messaging-service on {@code ent.messaging}, keyed by recipient id. Payloads carry ids,
 * the sender's profile and times; never a subject, a body or an attachment's name.
 */
package fr.ent.events.contract.messaging;
