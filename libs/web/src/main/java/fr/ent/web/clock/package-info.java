/** Domain time: one injectable clock per service, settable in tests, in the schools' time zone. */
package fr.ent.web.clock;
