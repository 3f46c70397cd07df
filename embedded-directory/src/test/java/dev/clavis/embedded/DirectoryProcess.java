package dev.clavis.embedded;

import java.nio.file.Path;

/**
 * Runs an embedded directory in its own JVM until killed, for {@link CrashRecoveryIT}.
 * Arguments: data folder, admin password. Prints {@code PORT <n>} once it listens.
 */
public final class DirectoryProcess {

    private DirectoryProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        var directory = EmbeddedDirectory.start(EmbeddedDirectoryOptions.persistent(Path.of(args[0]), args[1]).withPort(0));
        System.out.println("PORT " + directory.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
