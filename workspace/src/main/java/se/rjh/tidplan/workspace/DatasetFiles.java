package se.rjh.tidplan.workspace;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.DatasetSource;
import se.rjh.tidplan.data.transform.CalendarImporter;
import se.rjh.tidplan.data.write.DatasetWriter;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.Replanner;

/**
 * A dataset as its files (name to text), the form a scenario keeps it in the database. The file-based services
 * (import, the changed dataset of a re-plan) write to a scratch directory that is read back and deleted: the
 * database stays the only place a scenario lives.
 */
final class DatasetFiles {

    static final List<String> NAMES = List.of(DatasetReader.SETTINGS, DatasetReader.BODIES, DatasetReader.SITTINGS,
            DatasetReader.ACTIVITIES, DatasetReader.DEPENDENCIES, DatasetReader.MEETINGS);

    private DatasetFiles() {
    }

    /** The region's 2021 dataset, as embedded in the jar. */
    static Map<String, String> embeddedDefault() {
        DatasetSource source = DatasetSource.embedded(Dataset.DEFAULT);
        Map<String, String> files = new TreeMap<>();
        for (String name : NAMES) {
            if (source.exists(name)) {
                try (InputStream in = source.open(name)) {
                    files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /**
     * The dataset an upload holds: a zip of a dataset folder as it is, or a hand-made calendar (the Tidplan
     * text, an Excel CSV) imported as {@code import} does. Broken input is a {@link InputException} naming the
     * file, line and field.
     */
    static Map<String, String> fromUpload(String fileName, byte[] content) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return unzip(fileName, content);
        }
        CalendarFile.Content calendar;
        try {
            calendar = CalendarFile.read(fileName, new ByteArrayInputStream(content)).requireComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CalendarImporter.Result imported = Planner.importCalendar(calendar, fileName);
        return written(imported.settings(), imported.schedule());
    }

    /** A dataset as the files {@link DatasetWriter} writes for it (as {@code import} and {@code rollforward} do). */
    static Map<String, String> written(Settings settings, Schedule schedule) {
        return inScratch(dir -> {
            Path out = dir.resolve("dataset");
            DatasetWriter.write(settings, schedule, out);
            return read(out);
        });
    }

    /**
     * The most one file of a zip may hold unpacked: the region's largest is 18 KB, a generated instance of 300
     * organisations 5.4 MB. A zip that unpacks to more, or to more than {@link #MAX_UNPACKED_BYTES} in all, is
     * refused as soon as it gets there: every entry is read with a bound, the ones not used too.
     */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 20L * 1024 * 1024;

    private static Map<String, String> unzip(String fileName, byte[] content) {
        Map<String, String> files = new TreeMap<>();
        long unpackedInAll = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().contains("..") || entry.getName().startsWith("/")) {
                    throw new InputException(fileName, 0, null, "the zip holds a path outside its folder: " + entry.getName());
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                byte[] unpacked = zip.readNBytes(MAX_FILE_BYTES + 1);
                unpackedInAll += unpacked.length;
                if (unpacked.length > MAX_FILE_BYTES || unpackedInAll > MAX_UNPACKED_BYTES) {
                    throw new InputException(fileName, 0, entry.getName(), "unpacks to more than "
                            + MAX_FILE_BYTES / (1024 * 1024) + " MB, or the zip to more than " + MAX_UNPACKED_BYTES / (1024 * 1024)
                            + " MB in all; a dataset's files are kilobytes");
                }
                if (!entry.isDirectory() && NAMES.contains(name)
                        && files.put(name, new String(unpacked, StandardCharsets.UTF_8)) != null) {
                    throw new InputException(fileName, 0, entry.getName(), "a second " + name + " in one zip");
                }
            }
        } catch (IOException e) {
            throw new InputException(fileName, 0, null, "not a zip file: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InputException(fileName, 0, null, "holds none of the dataset's files (" + String.join(", ", NAMES) + ")");
        }
        return files;
    }

    /** The files as a zip, in a folder named {@code dataset}. */
    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("dataset/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The dataset with a re-plan's changes applied, as {@code replan --out-data} writes it. */
    static Map<String, String> changed(Map<String, String> files, List<Replanner.Change> changes, LocalDate today) {
        return inScratch(dir -> {
            Path source = dir.resolve("source");
            Files.createDirectories(source);
            for (var file : files.entrySet()) {
                Files.writeString(source.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Path target = dir.resolve("changed");
            Planner.writeChangedDataset(source, changes, today, target);
            return read(target);
        });
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String name : NAMES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private interface ScratchWork<T> {
        T run(Path dir) throws IOException;
    }

    private static <T> T inScratch(ScratchWork<T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tidplan-workspace");
            return work.run(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // A scratch directory left in the temp folder harms nothing.
                }
            }
        }
    }
}
