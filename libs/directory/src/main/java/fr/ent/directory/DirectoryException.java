package fr.ent.directory;

/** The projection's database failed: a server error, never the caller's fault. */
public class DirectoryException extends RuntimeException {
    public DirectoryException(String what, Throwable cause) {
        super("Directory projection: " + what, cause);
    }
}
