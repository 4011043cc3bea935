package fr.ent.identity.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.events.contract.identity.GroupKind;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.access.Access;
import fr.ent.identity.classes.ClassGroupRepository;
import fr.ent.identity.common.Checks;
import fr.ent.identity.person.PersonExternalIdRepository;
import fr.ent.identity.roster.Roster.LineError;
import fr.ent.identity.school.SchoolService;
import fr.ent.identity.school.SchoolYear;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.UserTransaction;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Roster imports: the files are read and checked while the caller waits (a bad line answers 400
 * with every error), then the import runs in the background as one transaction (all or nothing)
 * whose progress and report the job resource shows. A dry run does the same work and rolls back.
 */
@ApplicationScoped
public class RosterImports {

    private static final Logger LOG = Logger.getLogger(RosterImports.class);

    /** The files could not be read: every error with its file and line. */
    public static class InvalidRoster extends RuntimeException {
        public final List<LineError> errors;

        InvalidRoster(List<LineError> errors) {
            super(errors.size() + " error(s) in the roster files", null, false, false);
            this.errors = errors;
        }
    }

    public record JobView(UUID id, UUID schoolId, boolean dryRun, ImportJob.Status status, String phase,
                          int processed, int total, int percent,
                          @Schema(description = "Counts per kind of row (dry run or done)") JsonNode report,
                          @Schema(type = SchemaType.ARRAY, implementation = LineError.class,
                                  description = "The rows refused, or one message when the import failed") JsonNode errors,
                          OffsetDateTime createdAt, OffsetDateTime finishedAt, Long durationMs) {
    }

    private record Started(ImportJob job, Roster roster) {
    }

    public record Files(byte[] classes, byte[] pupils, byte[] guardians, byte[] teachers) {
    }

    private final Access access;
    private final CurrentUser me;
    private final SchoolClock clock;
    private final SchoolService schools;
    private final RosterApplier applier;
    private final ObjectMapper json;
    private final UserTransaction transaction;
    private final ImportJobRepository jobs;
    private final ClassGroupRepository classes;
    private final PersonExternalIdRepository externalIds;

    // One import at a time per instance: they are heavy, and a school sends one roster at a time.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roster-import");
        t.setDaemon(true);
        return t;
    });

    public RosterImports(Access access, CurrentUser me, SchoolClock clock, SchoolService schools, RosterApplier applier,
                         ObjectMapper json, UserTransaction transaction, ImportJobRepository jobs,
                         ClassGroupRepository classes, PersonExternalIdRepository externalIds) {
        this.access = access;
        this.me = me;
        this.clock = clock;
        this.schools = schools;
        this.applier = applier;
        this.json = json;
        this.transaction = transaction;
        this.jobs = jobs;
        this.classes = classes;
        this.externalIds = externalIds;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public JobView start(UUID schoolId, boolean dryRun, String schoolYearParam, LocalDate startsOnParam, Files files) {
        String schoolYear = schoolYearParam == null ? SchoolYear.labelOf(clock.today()) : Checks.schoolYear("schoolYear", schoolYearParam);
        LocalDate startsOn = startsOnParam == null ? clock.today() : startsOnParam;
        Started started = QuarkusTransaction.requiringNew().call(() -> {
            schools.find(schoolId);
            access.requireManagesSchool(schoolId);
            RosterReader reader = new RosterReader(classes.codes(schoolId, schoolYear, GroupKind.CLASS),
                    classes.codes(schoolId, schoolYear, GroupKind.GROUP), externalIds.externalIds(schoolId, PersonRole.PUPIL),
                    clock.today());
            Roster roster = reader.read(files.classes(), files.pupils(), files.guardians(), files.teachers());
            if (roster == null) throw new InvalidRoster(reader.errors());
            ImportJob j = new ImportJob();
            j.id = UUID.randomUUID();
            j.schoolId = schoolId;
            j.dryRun = dryRun;
            j.status = ImportJob.Status.QUEUED;
            j.phase = "queued";
            j.total = roster.size();
            j.requestedBy = me.isPerson() ? me.personId() : null;
            j.createdAt = OffsetDateTime.now();
            jobs.persist(j);
            return new Started(j, roster);
        });
        ImportJob j = started.job();
        Roster roster = started.roster();
        // After the commit: the worker must find the job row
        worker.submit(() -> run(j.id, schoolId, schoolYear, startsOn, dryRun, roster));
        return view(j);
    }

    public JobView get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            ImportJob j = jobs.findById(id);
            if (j == null || !me.changesAsStaffOf(j.schoolId)) throw Problems.notFound("No import " + id);
            return view(j);
        });
    }

    private void run(UUID jobId, UUID schoolId, String schoolYear, LocalDate startsOn, boolean dryRun, Roster roster) {
        long start = System.nanoTime();
        progress(jobId, ImportJob.Status.RUNNING, "starting", 0);
        try {
            // One transaction for the whole roster: all or nothing. (UserTransaction: this thread
            // has no request context, which QuarkusTransaction.begin() needs.)
            transaction.setTransactionTimeout(900);
            transaction.begin();
            ImportReport report;
            try {
                report = applier.apply(schoolId, schoolYear, startsOn, roster,
                        (phase, processed) -> progress(jobId, ImportJob.Status.RUNNING, phase, processed));
            } catch (RuntimeException | Error e) {
                transaction.rollback();
                throw e;
            }
            if (dryRun) transaction.rollback();
            else transaction.commit();
            String reportJson = json.writeValueAsString(report.counts);
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob j = jobs.findById(jobId);
                j.status = ImportJob.Status.SUCCEEDED;
                j.phase = dryRun ? "dry run: nothing written" : "done";
                j.processed = j.total;
                j.report = reportJson;
                j.finishedAt = OffsetDateTime.now();
            });
            LOG.infof("Roster import %s of school %s %s in %d ms: %s", jobId, schoolId, dryRun ? "(dry run) done" : "applied",
                    Duration.ofNanos(System.nanoTime() - start).toMillis(), reportJson);
        } catch (Exception e) {
            LOG.errorf(e, "Roster import %s of school %s failed; nothing was written", jobId, schoolId);
            String errors;
            try {
                errors = json.writeValueAsString(List.of(Map.of("message", "the import failed and nothing was written: " + e)));
            } catch (JsonProcessingException ex) {
                errors = "[]";
            }
            String errorsJson = errors;
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob j = jobs.findById(jobId);
                j.status = ImportJob.Status.FAILED;
                j.phase = "failed";
                j.errors = errorsJson;
                j.finishedAt = OffsetDateTime.now();
            });
        }
    }

    private void progress(UUID jobId, ImportJob.Status status, String phase, int processed) {
        QuarkusTransaction.requiringNew().run(() -> jobs.progress(jobId, status, phase, processed));
    }

    private JobView view(ImportJob j) {
        Long duration = j.finishedAt == null ? null : Duration.between(j.createdAt, j.finishedAt).toMillis();
        int percent = j.total == 0 ? 100 : (int) Math.min(100, (100L * j.processed) / j.total);
        return new JobView(j.id, j.schoolId, j.dryRun, j.status, j.phase, j.processed, j.total, percent,
                tree(j.report), tree(j.errors), j.createdAt, j.finishedAt, duration);
    }

    private JsonNode tree(String s) {
        try {
            return s == null ? null : json.readTree(s);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
