/** Test fixtures shared by the services' tests: school worlds as identity events, topic reader and writer, SSE client. */
package fr.ent.testkit;
