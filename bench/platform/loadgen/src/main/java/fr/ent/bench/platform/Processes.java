package fr.ent.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resident memory of the platform's processes, found from the pid files of deploy/local/up; a
 * process counts with its children (Keycloak's launcher script, PostgreSQL's backends).
 */
final class Processes {

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> peakKb = new LinkedHashMap<>();

    Processes(Path pidDir) throws IOException {
        try (Stream<Path> files = Files.list(pidDir)) {
            files.filter(p -> p.toString().endsWith(".pid")).sorted().forEach(p -> {
                try {
                    pids.put(p.getFileName().toString().replace(".pid", ""), Long.parseLong(Files.readString(p).trim()));
                } catch (IOException | NumberFormatException e) {
                    // a process that is gone has nothing to measure
                }
            });
        }
    }

    /** Current RSS in kB per process tree. */
    Map<String, Long> rssKb() {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Long> rss = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    long pid = Long.parseLong(p.getFileName().toString());
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(pid);
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("VmRSS:")) rss.put(pid, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, tree(pid, children, rss)));
        return out;
    }

    private static long tree(long pid, Map<Long, List<Long>> children, Map<Long, Long> rss) {
        long sum = rss.getOrDefault(pid, 0L);
        for (long child : children.getOrDefault(pid, List.of())) sum += tree(child, children, rss);
        return sum;
    }

    /** Called every second during the load: keeps each process's highest figure. */
    void sample() {
        rssKb().forEach((name, kb) -> peakKb.merge(name, kb, Math::max));
    }

    Map<String, Long> peakKb() {
        return peakKb;
    }
}
