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
 * process counts with its children (Keycloak's launcher script, PostgreSQL's backends). Two figures
 * per process tree: RSS, and PSS (RSS with each shared page divided among the processes mapping it).
 * Summed RSS counts PostgreSQL's shared buffers once per backend that touched them, so for
 * PostgreSQL only PSS tells the memory it really takes.
 */
final class Processes {

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Memory> peak = new LinkedHashMap<>();

    /** Kilobytes. */
    record Memory(long rss, long pss) {
        Memory max(Memory o) {
            return new Memory(Math.max(rss, o.rss), Math.max(pss, o.pss));
        }

        Memory plus(Memory o) {
            return new Memory(rss + o.rss, pss + o.pss);
        }
    }

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

    /** Current memory per process tree. */
    Map<String, Memory> memory() {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Memory> memory = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    long pid = Long.parseLong(p.getFileName().toString());
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(pid);
                    long rss = 0, pss = 0;
                    for (String line : Files.readAllLines(p.resolve("smaps_rollup"))) {
                        if (line.startsWith("Rss:")) rss = Long.parseLong(line.replaceAll("\\D", ""));
                        if (line.startsWith("Pss:")) pss = Long.parseLong(line.replaceAll("\\D", ""));
                    }
                    memory.put(pid, new Memory(rss, pss));
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Memory> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, tree(pid, children, memory)));
        return out;
    }

    private static Memory tree(long pid, Map<Long, List<Long>> children, Map<Long, Memory> memory) {
        Memory sum = memory.getOrDefault(pid, new Memory(0, 0));
        for (long child : children.getOrDefault(pid, List.of())) sum = sum.plus(tree(child, children, memory));
        return sum;
    }

    /** Called every second during the load: keeps each process's highest figures. */
    void sample() {
        memory().forEach((name, m) -> peak.merge(name, m, Memory::max));
    }

    Map<String, Memory> peak() {
        return peak;
    }
}
