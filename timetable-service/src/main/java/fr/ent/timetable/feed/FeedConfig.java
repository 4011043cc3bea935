package fr.ent.timetable.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The private iCalendar feeds: which weeks they hold, around today. */
@ConfigMapping(prefix = "timetable.feed")
public interface FeedConfig {

    /** Full weeks before this one (from their Monday). */
    @WithDefault("1")
    int weeksBefore();

    /** Weeks after this one (to their Sunday). */
    @WithDefault("5")
    int weeksAfter();

    /** Children of one guardian put in a feed, at most: bounds the queries of one anonymous request. */
    @WithDefault("10")
    int maxChildren();
}
