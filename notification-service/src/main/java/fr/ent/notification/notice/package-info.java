/**
 * The small core every feature shares: what a {@link fr.ent.notification.notice.Notice} is, who
 * makes them ({@link fr.ent.notification.notice.Notifier}s, found by
 * {@link fr.ent.notification.notice.Notifiers}), their kinds, channels and modes. Depends on no
 * other package of the service: recipients, inbox, email and preference build on it, and fanout
 * puts them together.
 */
package fr.ent.notification.notice;
