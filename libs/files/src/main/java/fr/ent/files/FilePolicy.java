package fr.ent.files;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a service accepts for one purpose: the largest size and the types (by content). A service
 * keeps one per purpose, e.g. attendance's justifications: {@code new FilePolicy("justification",
 * 2 MiB, PDF, JPEG, PNG)}.
 *
 * @param purpose  what the file is for, a stable code ({@code [a-z0-9-]+}); a file confirmed for
 *                 one purpose cannot be used for another
 * @param maxBytes largest size accepted, in bytes
 * @param types    the types accepted
 */
public record FilePolicy(String purpose, long maxBytes, Set<FileType> types) {

    public FilePolicy {
        Objects.requireNonNull(purpose, "purpose");
        if (!purpose.matches("[a-z0-9-]{1,50}")) {
            throw new IllegalArgumentException("FilePolicy purpose '" + purpose + "' must be a stable code: [a-z0-9-]{1,50}");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("FilePolicy maxBytes must be positive");
        }
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("FilePolicy needs at least one accepted type");
        }
        types = Set.copyOf(EnumSet.copyOf(types));
    }

    public FilePolicy(String purpose, long maxBytes, FileType first, FileType... others) {
        this(purpose, maxBytes, EnumSet.of(first, others));
    }

    /** "PDF, JPEG, PNG": for error details. */
    public String typeNames() {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }
}
