package fr.ent.messaging.school;

import fr.ent.directory.Relationships;
import fr.ent.messaging.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.ProblemException;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The switches the platform turns off when it must (the ministry turned school messaging off
 * nationally in March 2024): the whole platform's mass sending or messaging (configuration), or one
 * school's (the platform admin, through the API). Staff of the school read them.
 */
@ApplicationScoped
public class SchoolSwitches {

    private final SwitchRepository switches;
    private final MessagingConfig config;
    private final Relationships relationships;
    private final Access access;
    private final SchoolClock clock;

    public SchoolSwitches(SwitchRepository switches, MessagingConfig config, Relationships relationships, Access access,
                          SchoolClock clock) {
        this.switches = switches;
        this.config = config;
        this.relationships = relationships;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Switches read(UUID school) {
        relationships.requireStaffOf(school);
        return effective(school);
    }

    /** The platform admin only (staff of a school are not the ones who stop it). */
    @Transactional
    public Switches change(UUID school, Switches wanted) {
        relationships.requireStaffOf(school);
        switches.save(school, wanted, access.me(), clock.instant());
        return effective(school);
    }

    private Switches effective(UUID school) {
        Switches own = switches.of(school);
        return new Switches(own.messaging() && config.enabled(), own.massSending() && config.massSending());
    }

    public int massThreshold() {
        return config.massThreshold();
    }

    /** 503 when messaging is off for the school (or the platform). */
    public void requireMessaging(UUID school) {
        if (!effective(school).messaging()) {
            throw new ProblemException(503, "messaging-off", "Messaging switched off",
                    "La messagerie est momentanément suspendue pour cet établissement.", null);
        }
    }

    /** 423 when mass sending is off for the school (or the platform). */
    public void requireMassSending(UUID school) {
        if (!effective(school).massSending()) {
            throw new ProblemException(423, "mass-sending-off", "Mass sending switched off",
                    "Les envois groupés sont momentanément suspendus pour cet établissement.", null);
        }
    }

    @ConfigMapping(prefix = "ent.messaging")
    public interface MessagingConfig {
        /** The whole platform's messaging. */
        @io.smallrye.config.WithDefault("true")
        boolean enabled();

        /** The whole platform's mass sending. */
        @io.smallrye.config.WithName("mass-sending")
        @io.smallrye.config.WithDefault("true")
        boolean massSending();

        /** From how many recipients a message is mass sending (reserved to staff). */
        @io.smallrye.config.WithName("mass-threshold")
        @io.smallrye.config.WithDefault("100")
        int massThreshold();
    }
}
