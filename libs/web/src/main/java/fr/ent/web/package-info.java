/** Problem details, the current user, deny by default: the HTTP conventions every service shares. */
package fr.ent.web;
