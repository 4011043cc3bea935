package fr.ent.events.testapp;

/** A payload without @EventContract: the outbox must refuse it. */
public record NotAContract(String value) {
}
