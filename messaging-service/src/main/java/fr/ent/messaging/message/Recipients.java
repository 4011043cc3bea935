package fr.ent.messaging.message;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.messaging.rules.Profile;
import fr.ent.messaging.rules.RuleRepository;
import fr.ent.messaging.rules.RuleTable;
import fr.ent.messaging.rules.Ties;
import fr.ent.messaging.support.Access.Sender;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problem;
import fr.ent.web.problem.ProblemException;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns addressees (people and groups) into the people a message goes to, and checks each one
 * against the school's rule table. All or nothing: one recipient the sender may not write to and
 * the message is refused, with every such recipient named (422), before anything is written. Never
 * silently dropped. People unknown to the school are refused by id only (naming them would reveal
 * another school's people).
 */
@ApplicationScoped
public class Recipients {

    private final Directory directory;
    private final RuleRepository rules;
    private final Ties ties;
    private final SchoolClock clock;

    public Recipients(Directory directory, RuleRepository rules, Ties ties, SchoolClock clock) {
        this.directory = directory;
        this.rules = rules;
        this.ties = ties;
        this.clock = clock;
    }

    public record Resolved(UUID personId, Kind kind) {
    }

    /** Everyone the message goes to, once each (TO wins over CC over BCC), the sender left out; or a 4xx. */
    public List<Resolved> resolve(Sender sender, List<Addressee> to, List<Addressee> cc, List<Addressee> bcc) {
        Map<UUID, Kind> kinds = new LinkedHashMap<>();
        Map<UUID, String> fieldOf = new LinkedHashMap<>();
        LocalDate today = clock.today();
        expand(sender, "to", to, Kind.TO, kinds, fieldOf, today);
        expand(sender, "cc", cc, Kind.CC, kinds, fieldOf, today);
        expand(sender, "bcc", bcc, Kind.BCC, kinds, fieldOf, today);
        kinds.remove(sender.id());
        if (kinds.isEmpty()) {
            throw Problems.invalidField("to", "aucun destinataire");
        }
        check(sender, kinds.keySet(), fieldOf);
        return kinds.entrySet().stream().map(e -> new Resolved(e.getKey(), e.getValue())).toList();
    }

    private void expand(Sender sender, String field, List<Addressee> addressees, Kind kind, Map<UUID, Kind> kinds,
                        Map<UUID, String> fieldOf, LocalDate today) {
        for (int i = 0; i < addressees.size(); i++) {
            Addressee a = addressees.get(i);
            String at = field + "[" + i + "]";
            for (UUID person : members(sender.school(), a, at, today)) {
                if (kinds.putIfAbsent(person, kind) == null) {
                    fieldOf.put(person, at);
                }
            }
        }
    }

    private Collection<UUID> members(UUID school, Addressee a, String at, LocalDate today) {
        if ((a.personId() == null) == (a.group() == null)) {
            throw Problems.invalidField(at, "une personne (personId) ou un groupe (group), l'un des deux");
        }
        if (a.personId() != null) {
            return List.of(a.personId());
        }
        if (a.group() == Addressee.Group.STAFF) {
            return directory.staffOf(school);
        }
        if (a.classGroupId() == null) {
            throw Problems.invalidField(at + ".classGroupId", "la classe ou le groupe est obligatoire");
        }
        DirectoryClassGroup group = directory.classGroup(a.classGroupId()).filter(g -> g.schoolId().equals(school))
                .orElseThrow(() -> Problems.invalidField(at + ".classGroupId", "classe ou groupe inconnu dans cet établissement"));
        return switch (a.group()) {
            case PUPILS -> directory.pupilsOf(group.id(), today);
            case TEACHERS -> directory.teachersOf(group.id());
            case PARENTS -> {
                Set<UUID> guardians = new LinkedHashSet<>();
                directory.guardiansReceivingCommunications(directory.pupilsOf(group.id(), today)).values().forEach(guardians::addAll);
                yield guardians;
            }
            case STAFF -> throw new IllegalStateException("handled above");
        };
    }

    private void check(Sender sender, Set<UUID> ids, Map<UUID, String> fieldOf) {
        RuleTable table = rules.tableOf(sender.school());
        Map<UUID, DirectoryPerson> people = directory.people(ids);
        List<Problem.FieldError> refused = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (UUID id : ids) {
            DirectoryPerson person = people.get(id);
            String field = fieldOf.get(id);
            Profile profile = person == null ? null : Profile.of(person.role()).orElse(null);
            if (person == null || profile == null || !person.active() || !memberOf(person, profile, sender.school())) {
                refused.add(new Problem.FieldError(field, "destinataire inconnu dans cet établissement : " + id));
                names.add(id.toString());
                continue;
            }
            if (!table.allows(sender.profile(), profile, ties.between(sender.id(), sender.profile(), id, profile, sender.school()))) {
                String name = person.firstName() + " " + person.lastName();
                refused.add(new Problem.FieldError(field, name + " (" + profile.french() + ") : vous ne pouvez pas lui écrire"));
                names.add(name);
            }
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(422, "recipients-not-allowed", "Recipients not allowed",
                    "Message non envoyé : vous ne pouvez pas écrire à " + String.join(", ", names) + ".", refused);
        }
    }

    /** Staff, teachers and pupils by their schools; a guardian through a child of that school. */
    private boolean memberOf(DirectoryPerson person, Profile profile, UUID school) {
        if (profile != Profile.GUARDIAN) {
            return person.schoolIds().contains(school);
        }
        return directory.people(directory.childrenOf(person.id())).values().stream()
                .anyMatch(child -> child.schoolIds().contains(school));
    }
}
