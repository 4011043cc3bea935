package fr.ent.audit;

import java.util.List;

/** One page of a trail, newest first: the entries, the page asked for (from 0), its size and the total count. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
}
