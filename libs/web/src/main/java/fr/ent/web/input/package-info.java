/**
 * Input rules shared by every service: text the database can store, dates within the supported
 * years, bounded pages, required bodies and primitives. Bad input is a 400 naming the field.
 */
package fr.ent.web.input;
