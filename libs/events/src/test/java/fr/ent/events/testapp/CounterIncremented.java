package fr.ent.events.testapp;

import fr.ent.events.EventContract;

/** The event the test application consumes; a handler refuses it when {@code fail} is set. */
@EventContract(type = CounterIncremented.TYPE_FOR_TEST, topic = CounterIncremented.TOPIC)
public record CounterIncremented(String counter, int amount, boolean fail) {

    public static final String TYPE_FOR_TEST = "fr.ent.test.counter-incremented.v1";
    public static final String TOPIC = "ent.test-in";
}
