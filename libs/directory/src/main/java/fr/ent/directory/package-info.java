/**
 * A local projection of the school directory, fed by identity events: {@link fr.ent.directory.Directory}
 * answers (who are this pupil's guardians, who is in this class on a date, which classes does this
 * teacher teach), {@link fr.ent.directory.DirectoryProjection} applies the events. See README.md.
 */
package fr.ent.directory;
