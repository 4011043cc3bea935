/** A local projection of the school directory, fed by identity events. */
package fr.ent.directory;
