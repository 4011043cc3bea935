package fr.ent.timetable.remote;

import fr.ent.timetable.change.Scope;

/** The video-class link of an occurrence (or of the series from it: scope FOLLOWING). */
public record RemoteLinkInput(Scope scope, String url) {
}
