package fr.ent.bench.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What every benchmark of the platform does: run tasks side by side, read percentiles. */
final class Load {

    private Load() {
    }

    interface Task {
        void run(int index) throws Exception;
    }

    /** Runs {@code task(0..count-1)} on up to 32 threads; the first failure fails the whole. */
    static void parallel(int count, Task task) {
        parallel(Math.min(Math.max(count, 1), 32), count, task);
    }

    /** Runs {@code task(0..count-1)} on {@code threads} threads; the first failure fails the whole. */
    static void parallel(int threads, int count, Task task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                task.run(index);
                return null;
            }));
        }
        try {
            for (var f : futures) f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code --name=value} (or {@code --flag}) arguments as a map. */
    static java.util.Map<String, String> options(String[] args) {
        java.util.Map<String, String> opt = new java.util.HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return opt;
    }

    /** The p-th percentile of sorted figures (nearest rank); -1 when there are none. */
    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return -1;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
