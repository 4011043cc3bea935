/** Real PostgreSQL, Kafka, Keycloak and SMTP servers for tests, started without Docker. */
package fr.ent.testservers;
