package fr.ent.events.testapp;

import fr.ent.events.EventContract;

/** The event of the test application's outbox; n grows per key so the order can be checked. */
@EventContract(type = "fr.ent.test.thing-happened.v1", topic = ThingHappened.TOPIC)
public record ThingHappened(String key, int n) {

    public static final String TOPIC = "ent.test-outbox";
}
