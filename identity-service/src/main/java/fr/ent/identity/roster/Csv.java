package fr.ent.identity.roster;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small CSV reader for school exports: UTF-8 (with or without BOM), {@code ;} or {@code ,}
 * (whichever the header line uses most), double quotes with {@code ""} escapes. Headers are
 * matched loosely: case, accents, spaces, dashes and underscores do not matter.
 */
final class Csv {

    record Row(int line, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    record Table(List<String> headers, List<Row> rows) {
    }

    static class CsvException extends Exception {
        final int line;

        CsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private Csv() {
    }

    static String decode(byte[] bytes) throws CsvException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CsvException(0, "the file must be encoded in UTF-8");
        }
    }

    /** Parses the text; headers are normalised with {@link #normalise}, then renamed by {@code aliases}. */
    static Table parse(String text, Map<String, String> aliases) throws CsvException {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int firstEnd = text.indexOf('\n');
        String header = firstEnd < 0 ? text : text.substring(0, firstEnd);
        char sep = count(header, ';') >= count(header, ',') ? ';' : ',';
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == sep) {
                current.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                current.add(field.toString());
                field.setLength(0);
                if (!(current.size() == 1 && current.get(0).isBlank())) {
                    records.add(current);
                    lines.add(recordLine);
                }
                current = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) throw new CsvException(recordLine, "a quoted value is not closed");
        if (field.length() > 0 || !current.isEmpty()) {
            current.add(field.toString());
            if (!(current.size() == 1 && current.get(0).isBlank())) {
                records.add(current);
                lines.add(recordLine);
            }
        }
        if (records.isEmpty()) throw new CsvException(1, "the file is empty: a header line is expected");
        List<String> headers = new ArrayList<>();
        for (String h : records.get(0)) {
            String n = normalise(h);
            headers.add(aliases.getOrDefault(n, n));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() > headers.size()) {
                throw new CsvException(lines.get(r), "has " + rec.size() + " values, the header has " + headers.size());
            }
            Map<String, String> values = new HashMap<>();
            for (int k = 0; k < rec.size(); k++) values.put(headers.get(k), rec.get(k));
            rows.add(new Row(lines.get(r), values));
        }
        return new Table(headers, rows);
    }

    static String normalise(String header) {
        String n = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
