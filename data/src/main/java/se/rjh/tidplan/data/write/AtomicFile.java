package se.rjh.tidplan.data.write;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import se.rjh.tidplan.data.InputException;

/**
 * Writes a file so that a crash, Ctrl-C or kill -9 leaves either the old file or the whole new one:
 * the content goes to a temporary file beside the target, is flushed to disk, and is renamed over it.
 */
public final class AtomicFile {

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // Created like any file the user saves, so the umask decides who may read it (a temporary file from
            // Files.createTempFile would be private to its owner).
            temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                // A writer that closes its stream (ical4j's does) must not close the channel before it is forced.
                OutputStream out = new FilterOutputStream(Channels.newOutputStream(channel)) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        this.out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temporary file is hidden and named after the target; nothing more to do.
                }
            }
        }
    }

    /** Fills a directory. */
    @FunctionalInterface
    public interface DirectoryContent {
        void writeInto(Path dir) throws IOException;
    }

    /**
     * Writes a new directory whole or not at all: filled beside the target under a hidden name, then renamed.
     * The target must not exist yet (nothing of the user's is overwritten); the directory is created like any
     * the user makes, so the umask decides who may read it.
     */
    public static void writeDirectory(Path target, DirectoryContent content) {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new InputException(target.toString(), 0, null, "already exists; give a new directory");
        }
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createDirectory(
                    absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID()));
            try {
                content.writeInto(temp);
                Files.move(temp, absolute);
            } finally {
                if (Files.exists(temp)) {
                    try (var files = Files.list(temp)) {
                        for (Path file : files.toList()) {
                            Files.delete(file);
                        }
                    }
                    Files.delete(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
