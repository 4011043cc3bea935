/**
 * The audit trail of pupils' data (RGPD): {@link fr.ent.audit.AuditTrail} records who read or
 * changed which pupil's data, when and from which request, in the service's own database and, for a
 * change, in the change's transaction; {@link fr.ent.audit.AuditTrailResource} lets a school's staff
 * read their school's trail. See README.md.
 */
package fr.ent.audit;
