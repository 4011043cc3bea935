/**
 * Plain JDBC on a service's datasource, for the write paths that must batch (docs/building-a-service.md §3).
 * Only for services that have a datasource (every domain service does, through libs/service-parent).
 */
package fr.ent.web.jdbc;
