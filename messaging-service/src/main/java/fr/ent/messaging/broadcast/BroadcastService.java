package fr.ent.messaging.broadcast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.messaging.events.MessagingEvents;
import fr.ent.messaging.message.Box;
import fr.ent.messaging.message.Formatting;
import fr.ent.messaging.message.Kind;
import fr.ent.messaging.message.MessageRepository;
import fr.ent.messaging.message.MessageRow;
import fr.ent.messaging.message.Recipients;
import fr.ent.messaging.rules.Profile;
import fr.ent.messaging.school.SchoolSwitches;
import fr.ent.messaging.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.ProblemException;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Broadcasts with acknowledgement, reserved to the school's staff: the information lands in every
 * family's inbox (as bcc: families do not see each other), each guardian acknowledges it, staff
 * follow who has and has not and remind those who have not. Mass sending: off when the platform
 * switched it off (423).
 */
@ApplicationScoped
public class BroadcastService {

    private final BroadcastRepository broadcasts;
    private final MessageRepository messages;
    private final MessagingEvents events;
    private final SchoolSwitches switches;
    private final Access access;
    private final Directory directory;
    private final SchoolClock clock;
    private final ObjectMapper json;

    public BroadcastService(BroadcastRepository broadcasts, MessageRepository messages, MessagingEvents events,
                            SchoolSwitches switches, Access access, Directory directory, SchoolClock clock, ObjectMapper json) {
        this.broadcasts = broadcasts;
        this.messages = messages;
        this.events = events;
        this.switches = switches;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    public BroadcastView send(UUID school, BroadcastInput in) {
        access.requireStaffOf(school);
        Access.Sender sender = access.requireSender(school);
        if (sender.profile() != Profile.STAFF) {
            throw notYours();
        }
        switches.requireMessaging(school);
        switches.requireMassSending(school);
        String subject = required("subject", in.subject());
        String body = Formatting.check("body", required("body", in.body()));
        Set<UUID> guardians = families(school, in);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        MessageRow m = new MessageRow(id, UUID.randomUUID(), school, sender.id(), null, subject, body, audience(in), now, now, now,
                null, null);
        messages.insert(m);
        messages.addRecipients(id, guardians.stream().map(g -> new Recipients.Resolved(g, Kind.BCC)).toList());
        messages.file(m, Box.SENT, List.of(sender.id()));
        messages.file(m, Box.INBOX, guardians);
        broadcasts.insert(id, school, sender.id(), audience(in), now, guardians);
        events.toAcknowledge(id, school, sender.id(), false, now, guardians);
        return view(school, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BroadcastView> list(UUID school) {
        access.requireStaffOf(school);
        return broadcasts.ofSchool(school).stream().map(h -> view(school, h.id())).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BroadcastView read(UUID school, UUID id) {
        access.requireStaffOf(school);
        return view(school, id);
    }

    /** A guardian it went to acknowledges it (once; again changes nothing). */
    @Transactional
    public void acknowledge(UUID id) {
        UUID me = access.person();
        broadcasts.schoolFor(id, me).orElseThrow(() -> Problems.notFound("Information introuvable."));
        broadcasts.acknowledge(id, me, clock.instant());
        messages.markRead(me, id, clock.instant());
    }

    /** Reminds every family that has not acknowledged yet; returns how many. */
    @Transactional
    public Map<String, Integer> remind(UUID school, UUID id) {
        access.requireStaffOf(school);
        broadcasts.inSchool(school, id).orElseThrow(() -> Problems.notFound("Information introuvable."));
        switches.requireMessaging(school);
        Instant now = clock.instant();
        List<UUID> waiting = broadcasts.remind(id, now);
        events.toAcknowledge(id, school, access.me(), true, now, waiting);
        return Map.of("reminded", waiting.size());
    }

    private Set<UUID> families(UUID school, BroadcastInput in) {
        LocalDate today = clock.today();
        Set<UUID> pupils = new LinkedHashSet<>();
        if (in.wholeSchool()) {
            pupils.addAll(directory.pupilsOfSchool(school, today));
        } else {
            if (in.levels().isEmpty() && in.classIds().isEmpty()) {
                throw Problems.invalidField("levels", "choisir l'établissement entier, des niveaux ou des classes");
            }
            List<UUID> classes = new ArrayList<>(broadcasts.classesOfLevels(school, in.levels()));
            for (int i = 0; i < in.classIds().size(); i++) {
                UUID classId = in.classIds().get(i);
                DirectoryClassGroup group = directory.classGroup(classId).filter(g -> g.schoolId().equals(school))
                        .orElse(null);
                if (group == null) {
                    throw Problems.invalidField("classIds[" + i + "]", "classe inconnue dans cet établissement");
                }
                classes.add(classId);
            }
            classes.forEach(c -> pupils.addAll(directory.pupilsOf(c, today)));
        }
        Set<UUID> guardians = new LinkedHashSet<>();
        directory.guardiansReceivingCommunications(pupils).values().forEach(guardians::addAll);
        if (guardians.isEmpty()) {
            throw new ProblemException(422, "no-family", "No family", "Aucune famille ne correspond à ce choix.", null);
        }
        return guardians;
    }

    private BroadcastView view(UUID school, UUID id) {
        BroadcastRepository.Head head = broadcasts.inSchool(school, id).orElseThrow(() -> Problems.notFound("Information introuvable."));
        List<BroadcastRepository.FamilyRow> families = broadcasts.families(id);
        Map<UUID, DirectoryPerson> people = directory.people(families.stream().map(BroadcastRepository.FamilyRow::guardianId).toList());
        List<BroadcastView.Family> done = new ArrayList<>();
        List<BroadcastView.Family> waiting = new ArrayList<>();
        for (BroadcastRepository.FamilyRow f : families) {
            DirectoryPerson p = people.get(f.guardianId());
            BroadcastView.Family family = new BroadcastView.Family(f.guardianId(),
                    p == null ? "Compte supprimé" : p.firstName() + " " + p.lastName(), at(f.acknowledgedAt()), at(f.remindedAt()));
            (f.acknowledgedAt() != null ? done : waiting).add(family);
        }
        return new BroadcastView(id, school, head.subject(), at(head.sentAt()), families.size(), done.size(), waiting.size(),
                done, waiting);
    }

    private static ProblemException notYours() {
        return Problems.notFound("Établissement introuvable.");
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(clock.zone()).toOffsetDateTime();
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalidField(field, "ne peut pas être vide");
        }
        return value;
    }

    private String audience(BroadcastInput in) {
        try {
            return json.writeValueAsString(Map.of("wholeSchool", in.wholeSchool(), "levels", in.levels(), "classIds", in.classIds()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
