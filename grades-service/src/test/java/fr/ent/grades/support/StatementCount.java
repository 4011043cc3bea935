package fr.ent.grades.support;

import jakarta.enterprise.context.RequestScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** The SQL statements executed for the current HTTP request ({@link CountingDriver}). */
@RequestScoped
public class StatementCount {

    private final AtomicInteger count = new AtomicInteger();

    void increment() {
        count.incrementAndGet();
    }

    public int value() {
        return count.get();
    }
}
