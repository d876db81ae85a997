package se.rjh.tidplan.workspace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one version of a scenario yields (its scored calendar, its page, its exports), computed once: a saved version
 * never changes. The versions asked for most recently are kept, {@code size} of them.
 */
final class VersionCache<V> {

    private record Key(long scenario, int version) {
    }

    private final Map<Key, V> values;

    VersionCache(int size) {
        this.values = new LinkedHashMap<>(size, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > size;
            }
        };
    }

    /** The version's value, computed by {@code compute} the first time (outside the lock: two may compute it once each). */
    V get(long scenario, int version, Supplier<V> compute) {
        Key key = new Key(scenario, version);
        synchronized (values) {
            V value = values.get(key);
            if (value != null) {
                return value;
            }
        }
        V value = compute.get();
        synchronized (values) {
            values.putIfAbsent(key, value);
            return values.get(key);
        }
    }
}
