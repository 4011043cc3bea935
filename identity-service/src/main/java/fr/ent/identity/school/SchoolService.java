package fr.ent.identity.school;

import fr.ent.identity.access.Access;
import fr.ent.identity.common.Checks;
import fr.ent.identity.common.Page;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@ApplicationScoped
public class SchoolService {

    public record SchoolInput(String uai, String name, String type, String academy, String timeZone) {
    }

    public record SchoolView(UUID id, String uai, String name, String type, String academy, String timeZone,
                             long version) {
        static SchoolView of(School s) {
            return new SchoolView(s.id, s.uai, s.name, s.type, s.academy, s.timeZone, s.version);
        }
    }

    public record YearInput(String label, LocalDate startsOn, LocalDate endsOn) {
    }

    public record YearView(UUID id, UUID schoolId, String label, LocalDate startsOn, LocalDate endsOn) {
        static YearView of(SchoolYear y) {
            return new YearView(y.id, y.schoolId, y.label, y.startsOn, y.endsOn);
        }
    }

    private final Access access;
    private final CurrentUser me;
    private final IdentityEvents events;
    private final SchoolRepository schools;
    private final SchoolYearRepository years;

    public SchoolService(Access access, CurrentUser me, IdentityEvents events, SchoolRepository schools,
                         SchoolYearRepository years) {
        this.access = access;
        this.me = me;
        this.events = events;
        this.schools = schools;
        this.years = years;
    }

    @Transactional
    public SchoolView create(SchoolInput in) {
        School s = new School();
        s.id = UUID.randomUUID();
        apply(s, in);
        if (schools.byUai(s.uai).isPresent()) {
            throw Problems.conflict("uai-taken", "A school with UAI " + s.uai + " already exists");
        }
        s.version = 1;
        s.createdAt = s.updatedAt = OffsetDateTime.now();
        schools.persist(s);
        events.publish(s.event());
        return SchoolView.of(s);
    }

    @Transactional
    public SchoolView update(UUID id, SchoolInput in) {
        School s = find(id);
        access.requireManagesSchool(id);
        String oldUai = s.uai;
        School before = copy(s);
        apply(s, in);
        if (!s.uai.equals(oldUai) && !me.isAdmin()) {
            throw Problems.forbidden("Only an administrator may change a school's UAI");
        }
        if (!s.uai.equals(oldUai) && schools.byUai(s.uai).isPresent()) {
            throw Problems.conflict("uai-taken", "A school with UAI " + s.uai + " already exists");
        }
        if (!same(before, s)) {
            s.version++;
            s.updatedAt = OffsetDateTime.now();
            events.publish(s.event());
        }
        return SchoolView.of(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SchoolView get(UUID id) {
        return SchoolView.of(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SchoolView> list(int page, int size) {
        if (!me.isAdmin() && me.schoolIds().isEmpty()) return new Page<>(List.of(), page, size, 0);
        var query = me.isAdmin() ? schools.allByName() : schools.byName(me.schoolIds());
        List<School> items = query.page(page, size).list();
        return new Page<>(items.stream().map(SchoolView::of).toList(), page, size, query.count());
    }

    @Transactional
    public YearView addYear(UUID schoolId, YearInput in) {
        find(schoolId);
        access.requireManagesSchool(schoolId);
        String label = Checks.schoolYear("label", in.label());
        LocalDate startsOn = Checks.present("startsOn", in.startsOn());
        LocalDate endsOn = Checks.present("endsOn", in.endsOn());
        if (!endsOn.isAfter(startsOn)) throw Problems.invalidField("endsOn", "must be after startsOn");
        if (years.exists(schoolId, label)) {
            throw Problems.conflict("school-year-exists", "School year " + label + " already exists");
        }
        SchoolYear y = new SchoolYear();
        y.id = UUID.randomUUID();
        y.schoolId = schoolId;
        y.label = label;
        y.startsOn = startsOn;
        y.endsOn = endsOn;
        years.persist(y);
        return YearView.of(y);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<YearView> years(UUID schoolId) {
        find(schoolId);
        return years.ofSchool(schoolId).stream().map(YearView::of).toList();
    }

    /** The school, or 404 if it does not exist or is not the caller's. */
    public School find(UUID id) {
        School s = schools.findById(id);
        if (s == null || !access.seesSchool(id)) throw Problems.notFound("No school " + id);
        return s;
    }

    private static void apply(School s, SchoolInput in) {
        if (in == null) throw Problems.badRequest("body-required", "A school is required");
        s.uai = Checks.uai(in.uai());
        s.name = Checks.required("name", in.name(), 200);
        s.type = Checks.oneOf("type", SchoolType.class, in.type()).name();
        s.academy = Checks.optional("academy", in.academy(), 60);
        s.timeZone = Checks.timeZone(in.timeZone());
    }

    private static School copy(School s) {
        School c = new School();
        c.uai = s.uai;
        c.name = s.name;
        c.type = s.type;
        c.academy = s.academy;
        c.timeZone = s.timeZone;
        return c;
    }

    private static boolean same(School a, School b) {
        return a.uai.equals(b.uai) && a.name.equals(b.name) && a.type.equals(b.type)
                && Objects.equals(a.academy, b.academy) && a.timeZone.equals(b.timeZone);
    }
}
