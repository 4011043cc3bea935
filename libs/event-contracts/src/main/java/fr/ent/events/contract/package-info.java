/** Event payloads: one record per event type, annotated with its type and topic. */
package fr.ent.events.contract;
