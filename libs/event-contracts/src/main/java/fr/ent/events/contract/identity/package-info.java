/**
 * Identity events: the school directory (schools, people, classes and groups, enrolments,
 * guardianships, teaching assignments) as published by identity-service.
 *
 * <h2>Shape: full-state "upserted" events plus explicit "ended" events</h2>
 * <ul>
 *   <li>An {@code ...-upserted.v1} event carries the <b>whole current state</b> of one aggregate
 *       (creation and every change publish the same type). A consumer simply stores it: no
 *       merging of partial changes, so replays and gaps cannot corrupt a projection.</li>
 *   <li>An {@code ...-ended.v1} event says the aggregate no longer exists (a guardianship that
 *       ends, a teaching assignment that stops, an enrolment withdrawn, a person erased).</li>
 *   <li>Every payload carries {@code version}: strictly increasing per aggregate (identity-service
 *       uses the row's optimistic-lock version; an ended event carries a version above every
 *       upsert before it). A consumer keeps, per aggregate, the highest version it has seen and
 *       ignores anything older or equal: order across keys, redelivery and replay do not matter.</li>
 *   <li>Kafka key and CloudEvents subject: the aggregate id ({@link IdentityEvent#aggregateId()}),
 *       the {@code schoolid} extension: {@link IdentityEvent#schoolId()} when there is one.</li>
 * </ul>
 * Payloads carry ids and the facts other services need; never contact details (e-mail, phone,
 * address) nor free text. The one exception, the e-mail address notification-service needs to
 * send mail, travels as {@link ContactChanged} on its own restricted topic
 * {@value ContactChanged#CONTACTS_TOPIC}.
 */
package fr.ent.events.contract.identity;
