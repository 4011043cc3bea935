package fr.ent.identity.common;

import fr.ent.web.input.InputRules;

import java.util.List;
import java.util.function.Function;

/** One page of a list: items, the page asked for (from 0), its size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }

    /** 50 when absent; outside 1..MAX_SIZE a 400 naming {@code size}. */
    public static int size(Integer requested) {
        return InputRules.size(requested, 50, MAX_SIZE);
    }

    /** 0 when absent; outside 0..InputRules.MAX_PAGE a 400 naming {@code page} (page × size must fit an offset). */
    public static int page(Integer requested) {
        return InputRules.page(requested);
    }
}
