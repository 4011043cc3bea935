package fr.ent.grades.reportcard;

import java.util.List;

/**
 * What one copy of a report card says, already written in French for the page: the template only
 * lays it out. Marks are formatted with a decimal comma ({@link FrenchNumbers}).
 *
 * @param recipientLines the address block: the recipient's name, then their postal address when known
 */
public record ReportCard(String schoolName, String schoolYear, String periodName, String className, String pupilName,
                         List<String> recipientLines, List<Line> lines, String generalAverage, String classGeneralAverage,
                         String councilAppreciation, int absenceHalfDays, int unjustifiedHalfDays, String issuedOn,
                         boolean ranked, String generalRank) {

    /**
     * One subject: its name, its teachers, the pupil's average, the class's, the pupil's rank ("3/28",
     * only when the school turns ranks on: {@link ReportCard#ranked}), the teacher's appreciation.
     */
    public record Line(String subject, String teachers, String average, String classAverage, String rank, String appreciation) {
    }

    /** The document's title (PDF metadata and heading). */
    public String title() {
        return "Bulletin " + periodName + " " + schoolYear + " – " + pupilName;
    }
}
