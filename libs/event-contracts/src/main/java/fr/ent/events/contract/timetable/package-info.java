/**
 * Events of timetable-service on {@code ent.timetable}, keyed by lesson id so that the changes of
 * one lesson keep their order. Payloads carry ids and facts (the subject taught, dates and times),
 * never why a lesson changed.
 */
package fr.ent.events.contract.timetable;
