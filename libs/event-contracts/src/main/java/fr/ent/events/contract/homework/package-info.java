/**
 * Events of homework-service on {@code ent.homework}, keyed by work id so that a work's events keep
 * their order. Payloads carry ids, the subject code, the kind of work and times; never a title,
 * instructions, a comment or a file name.
 */
package fr.ent.events.contract.homework;
