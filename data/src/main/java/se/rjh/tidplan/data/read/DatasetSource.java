package se.rjh.tidplan.data.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a dataset's files come from: a directory a user edits, the default dataset inside the jar, or files
 * held in memory (a scenario stored in the workspace's database).
 */
public interface DatasetSource {

    /** The name a user is shown for the file, e.g. {@code data/rjh-2021/activities.csv}. */
    String describe(String file);

    boolean exists(String file);

    InputStream open(String file) throws IOException;

    static DatasetSource directory(Path dir) {
        return new DatasetSource() {
            @Override
            public String describe(String file) {
                return dir.resolve(file).toString();
            }

            @Override
            public boolean exists(String file) {
                return Files.isRegularFile(dir.resolve(file));
            }

            @Override
            public InputStream open(String file) throws IOException {
                return Files.newInputStream(dir.resolve(file));
            }
        };
    }

    /** The default dataset, data/rjh-2021 in the source tree, embedded in the jar. */
    static DatasetSource embedded(String name) {
        String root = "datasets/" + name + "/";
        return new DatasetSource() {
            @Override
            public String describe(String file) {
                return "(embedded) " + name + "/" + file;
            }

            @Override
            public boolean exists(String file) {
                return DatasetSource.class.getClassLoader().getResource(root + file) != null;
            }

            @Override
            public InputStream open(String file) throws IOException {
                InputStream in = DatasetSource.class.getClassLoader().getResourceAsStream(root + file);
                if (in == null) {
                    throw new UncheckedIOException(new IOException("no embedded dataset file " + root + file));
                }
                return in;
            }
        };
    }

    /** Files by name, as text; {@code name} says where they come from in messages ("scenario 3"). */
    static DatasetSource inMemory(String name, Map<String, String> files) {
        return new DatasetSource() {
            @Override
            public String describe(String file) {
                return name + "/" + file;
            }

            @Override
            public boolean exists(String file) {
                return files.containsKey(file);
            }

            @Override
            public InputStream open(String file) throws IOException {
                String text = files.get(file);
                if (text == null) {
                    throw new IOException("no file " + file + " in " + name);
                }
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
