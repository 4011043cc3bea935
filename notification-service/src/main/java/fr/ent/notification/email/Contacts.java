package fr.ent.notification.email;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.identity.ContactChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * E-mail addresses, from the restricted topic only notification-service reads. Keeps the highest
 * version per person, so redelivery and reordering cannot bring an old address back.
 */
@ApplicationScoped
public class Contacts {

    private final ContactRepository repository;

    Contacts(ContactRepository repository) {
        this.repository = repository;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        if (!event.is(ContactChanged.class)) {
            throw new PoisonEventException("unexpected event type " + event.type() + " on the contacts topic");
        }
        ContactChanged changed = event.data(ContactChanged.class);
        if (changed.personId() == null) {
            throw new PoisonEventException("contact-changed without personId");
        }
        String email = changed.email() == null || changed.email().isBlank() ? null : changed.email().trim();
        repository.storeIfNewer(changed.personId(), email, changed.version());
    }

    public Optional<String> emailOf(UUID person) {
        return repository.emailOf(person);
    }
}
