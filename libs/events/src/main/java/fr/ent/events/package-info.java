/** CloudEvents on Kafka through a transactional outbox; idempotent consumers; dead letters. */
package fr.ent.events;
