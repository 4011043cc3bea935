package fr.ent.testservers;

import java.io.IOException;
import java.util.Arrays;

/**
 * Runs another main class in a child JVM and halts that JVM as soon as its standard input closes,
 * which happens when the parent test JVM ends in any way, even {@code kill -9}. This is how a
 * crashed test run leaves no Kafka broker behind.
 */
public final class ExitWithParent {

    private ExitWithParent() {
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the parent never writes; we only wait for end of stream
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone too
            }
            Runtime.getRuntime().halt(0);
        }, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
        Class.forName(args[0]).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
