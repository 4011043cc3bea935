package fr.ent.messaging.rules;

import fr.ent.directory.Relationships;
import fr.ent.messaging.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class RuleService {

    private final RuleRepository rules;
    private final Relationships relationships;
    private final Access access;
    private final SchoolClock clock;

    public RuleService(RuleRepository rules, Relationships relationships, Access access, SchoolClock clock) {
        this.rules = rules;
        this.relationships = relationships;
        this.access = access;
        this.clock = clock;
    }

    /** Every member of the school reads its table (a family's app shows whom they may write to). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleView> table(UUID school) {
        relationships.requireMemberOf(school);
        return view(rules.tableOf(school));
    }

    /** Staff adjust rows; the rows not sent keep their value. */
    @Transactional
    public List<RuleView> adjust(UUID school, List<RuleView> rows) {
        relationships.requireStaffOf(school);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            RuleView row = rows.get(i);
            if (row == null) {
                throw Problems.invalidField("[" + i + "]", "ligne vide");
            }
            if (!seen.add(row.sender() + ">" + row.recipient())) {
                throw Problems.invalidField("[" + i + "]", "ligne en double pour " + row.sender() + " → " + row.recipient());
            }
        }
        for (RuleView row : rows) {
            rules.save(school, row.sender(), row.recipient(), row.reach(), access.me(), clock.instant());
        }
        return view(rules.tableOf(school));
    }

    private static List<RuleView> view(RuleTable table) {
        List<RuleView> rows = new ArrayList<>();
        for (Profile sender : Profile.values()) {
            for (Profile recipient : Profile.values()) {
                rows.add(new RuleView(sender, recipient, table.reach(sender, recipient)));
            }
        }
        return rows;
    }
}
