/**
 * One OpenAPI contract for every service: {@link fr.ent.web.openapi.ApiContractFilter} (set as
 * {@code mp.openapi.filter} in this jar's {@code META-INF/microprofile-config.properties}) gives
 * each operation a unique {@code operationId}, its RFC 9457 error answers and the {@code Problem}
 * schema, declares the servers, and marks fields that may be {@code null}; the same file maps
 * {@code YearMonth}, {@code LocalDateTime} and {@code JsonNode} to the JSON they really are.
 */
package fr.ent.web.openapi;
