package fr.ent.events;

/** Reads {@link EventContract} from payload classes. */
public final class EventContracts {

    private EventContracts() {
    }

    /** The contract of a payload class; fails loudly when the class carries none. */
    public static EventContract of(Class<?> payloadClass) {
        EventContract contract = payloadClass.getAnnotation(EventContract.class);
        if (contract == null) {
            throw new IllegalArgumentException(payloadClass.getName()
                    + " is not an event payload: annotate it with @EventContract(type = ..., topic = ...)");
        }
        return contract;
    }

    /** The CloudEvents type of a payload class, e.g. to compare with {@link IncomingEvent#type()}. */
    public static String typeOf(Class<?> payloadClass) {
        return of(payloadClass).type();
    }
}
