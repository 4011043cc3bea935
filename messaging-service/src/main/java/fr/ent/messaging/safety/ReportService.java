package fr.ent.messaging.safety;

import fr.ent.directory.Directory;
import fr.ent.messaging.events.MessagingEvents;
import fr.ent.messaging.message.MessageReads;
import fr.ent.messaging.rules.Profile;
import fr.ent.messaging.support.Access;
import fr.ent.messaging.support.SenderBlocks;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Safety: a pupil or guardian reports a message they received; the school's staff see the reports
 * with the reported message (never the school's other mail), hide it from every inbox, and block
 * its sender for a period.
 */
@ApplicationScoped
public class ReportService {

    private final ReportRepository reports;
    private final MessageReads reads;
    private final SenderBlocks blocks;
    private final MessagingEvents events;
    private final Access access;
    private final Directory directory;
    private final SchoolClock clock;

    public ReportService(ReportRepository reports, MessageReads reads, SenderBlocks blocks, MessagingEvents events,
                         Access access, Directory directory, SchoolClock clock) {
        this.reports = reports;
        this.reads = reads;
        this.blocks = blocks;
        this.events = events;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
    }

    /** The reporter must hold the message in their inbox; a second report of the same message is a 409. */
    @Transactional
    public UUID report(UUID messageId, ReportInput in) {
        UUID me = access.person();
        MessageReads.Received received = reads.received(me, messageId);
        Access.Sender reporter = access.requireSender(received.schoolId());
        if (reporter.profile() != Profile.PUPIL && reporter.profile() != Profile.GUARDIAN) {
            throw Problems.forbidden("Seuls les élèves et les familles signalent un message ; le personnel agit sur les signalements.");
        }
        Instant now = clock.instant();
        ReportRepository.Row row = new ReportRepository.Row(UUID.randomUUID(), messageId, received.schoolId(), me, in.reason(), now, "OPEN");
        if (!reports.insert(row)) {
            throw Problems.conflict("already-reported", "Vous avez déjà signalé ce message.");
        }
        events.reportMade(row.id(), messageId, received.schoolId(), reporter.profile(), now);
        return row.id();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportView> list(UUID school) {
        access.requireStaffOf(school);
        return reports.ofSchool(school).stream().map(this::view).toList();
    }

    /** Hides the reported message from every recipient's mailbox (the sender still sees it was sent). */
    @Transactional
    public ReportView hide(UUID school, UUID reportId) {
        access.requireStaffOf(school);
        ReportRepository.Row report = reports.inSchool(school, reportId).orElseThrow(() -> Problems.notFound("Signalement introuvable."));
        Instant now = clock.instant();
        reports.hide(report.messageId(), now);
        reports.handle(report.messageId(), "HIDDEN", access.me(), now);
        return view(reports.inSchool(school, reportId).orElseThrow());
    }

    /** Blocks the reported message's sender in the school for some days. */
    @Transactional
    public ReportView block(UUID school, UUID reportId, BlockInput in) {
        access.requireStaffOf(school);
        ReportRepository.Row report = reports.inSchool(school, reportId).orElseThrow(() -> Problems.notFound("Signalement introuvable."));
        UUID sender = reads.senderOf(report.messageId());
        if (!sender.equals(in.personId())) {
            throw Problems.invalidField("personId", "n'est pas l'auteur du message signalé");
        }
        Instant now = clock.instant();
        blocks.block(school, sender, now.plus(Duration.ofDays(in.days())), access.me());
        if ("OPEN".equals(report.status())) {
            reports.handle(report.messageId(), "BLOCKED", access.me(), now);
        }
        return view(reports.inSchool(school, reportId).orElseThrow());
    }

    private ReportView view(ReportRepository.Row r) {
        String reporter = directory.person(r.reporterId()).map(p -> p.firstName() + " " + p.lastName()).orElse("Compte supprimé");
        return new ReportView(r.id(), r.schoolId(), r.reporterId(), reporter, r.reason(),
                r.reportedAt().atZone(clock.zone()).toOffsetDateTime(), r.status(), reads.reported(r.messageId()));
    }
}
