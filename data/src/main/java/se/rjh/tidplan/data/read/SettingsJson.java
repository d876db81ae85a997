package se.rjh.tidplan.data.read;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.Settings;

/**
 * Reads and writes a dataset's {@code settings.json} ({@link Settings}) with Jackson's streaming parser and
 * generator. Every problem names its line and the field's path ({@code horizon.start}), an unknown field is
 * refused so that a typo is not silently ignored, and the first run of a cold JVM does not pay for Jackson's
 * object mapper (a quarter of a second: benchmarks/RESULTS.md, "Start-up").
 */
public final class SettingsJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private SettingsJson() {
    }

    /** The settings in {@code text}; {@code file} names it in the problems. */
    public static Settings read(String file, String text) {
        Value root;
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new InputException(file, 0, null, "empty file");
            }
            root = value(parser);
            if (parser.nextToken() != null) {
                throw new InputException(file, parser.currentTokenLocation().getLineNr(), null,
                        "invalid settings: more after the closing brace");
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, line, null, "invalid settings: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fields(file, root, "", "name", "horizon", "officeHours", "timeStepMinutes", "weakPeriods",
                "weakWeekWeight", "weights", "solver", "namedBuffers", "budgetProposalInNovember").settings();
    }

    /** The settings as {@code settings.json}, indented, one field per line. */
    public static String write(Settings settings) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("name", settings.name());
            json.writeObjectFieldStart("horizon");
            json.writeStringField("start", settings.horizon().start().toString());
            json.writeStringField("end", settings.horizon().end().toString());
            json.writeEndObject();
            json.writeObjectFieldStart("officeHours");
            json.writeStringField("start", settings.officeHours().start().toString());
            json.writeStringField("end", settings.officeHours().end().toString());
            json.writeEndObject();
            json.writeNumberField("timeStepMinutes", settings.timeStepMinutes());
            json.writeArrayFieldStart("weakPeriods");
            for (Settings.Period period : settings.weakPeriods()) {
                json.writeStartObject();
                json.writeStringField("from", MONTH_DAY.format(period.from()));
                json.writeStringField("to", MONTH_DAY.format(period.to()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("weakWeekWeight", settings.weakWeekWeight());
            json.writeObjectFieldStart("weights");
            for (Map.Entry<String, Long> weight : settings.weights().entrySet()) {
                json.writeNumberField(weight.getKey(), weight.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("solver");
            json.writeNumberField("seconds", settings.solver().seconds());
            json.writeNumberField("moves", settings.solver().moves());
            json.writeNumberField("seed", settings.solver().seed());
            json.writeStringField("until", settings.solver().until().word());
            json.writeEndObject();
            json.writeObjectFieldStart("namedBuffers");
            for (Map.Entry<String, Integer> buffer : settings.namedBuffers().entrySet()) {
                json.writeNumberField(buffer.getKey(), buffer.getValue());
            }
            json.writeEndObject();
            json.writeBooleanField("budgetProposalInNovember", settings.budgetProposalInNovember());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.append('\n').toString();
    }

    /** A parsed JSON value (a map, list, string, number, boolean or null) and the line it starts on. */
    private record Value(Object content, long line) {
    }

    private static Value value(JsonParser parser) throws IOException {
        long line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Value> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (fields.put(name, value(parser)) != null) {
                        throw new JsonParseException(parser, "'" + name + "' is given twice");
                    }
                }
                yield new Value(fields, line);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                yield new Value(items, line);
            }
            case VALUE_STRING -> new Value(parser.getText(), line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Value(parser.getDecimalValue(), line);
            case VALUE_TRUE, VALUE_FALSE -> new Value(parser.getBooleanValue(), line);
            default -> new Value(null, line);
        };
    }

    /** The fields of one JSON object, at a path; every problem is thrown naming file, line and path. */
    private static final class Fields {
        private final String file;
        private final String path;
        private final long line;
        private final Map<String, Value> fields;

        /** {@code known} the fields the object may have; any other is refused. */
        @SuppressWarnings("unchecked")
        Fields(String file, Value value, String path, String... known) {
            this.file = file;
            this.path = path;
            this.line = value.line();
            if (!(value.content() instanceof Map<?, ?> map)) {
                throw problem(value, path.isEmpty() ? null : path, "must be an object { ... }");
            }
            this.fields = (Map<String, Value>) map;
            if (known.length > 0) {
                List<String> allowed = List.of(known);
                for (Map.Entry<String, Value> field : fields.entrySet()) {
                    if (!allowed.contains(field.getKey())) {
                        throw problem(field.getValue(), path(field.getKey()), "unknown field; the fields are " + allowed);
                    }
                }
            }
        }

        Settings settings() {
            Fields horizon = object("horizon", "start", "end");
            Settings.Span span = new Settings.Span(horizon.date("start"), horizon.date("end"));
            horizon.require(!span.end().isBefore(span.start()), "end is before start");
            Fields office = object("officeHours", "start", "end");
            Settings.Hours hours = new Settings.Hours(office.time("start"), office.time("end"));
            office.require(hours.start().isBefore(hours.end()), "must give a start before the end, e.g. "
                    + "{\"start\": \"08:00\", \"end\": \"17:00\"}");
            int step = (int) number("timeStepMinutes", 1, 60);
            List<Settings.Period> weak = new ArrayList<>();
            for (Fields period : list("weakPeriods", "from", "to")) {
                weak.add(new Settings.Period(period.monthDay("from"), period.monthDay("to")));
            }
            int weakWeight = (int) number("weakWeekWeight", 1, Integer.MAX_VALUE);
            Fields weights = object("weights");
            Map<String, Long> weightByName = new LinkedHashMap<>();
            weights.fields.keySet().forEach(name -> weightByName.put(name, weights.number(name, 0, Long.MAX_VALUE)));
            Fields solver = object("solver", "seconds", "moves", "seed", "until");
            Settings.SolverBudget budget = new Settings.SolverBudget(solver.number("seconds", 1, Long.MAX_VALUE),
                    solver.number("moves", 1, Long.MAX_VALUE), solver.number("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                    solver.fields.containsKey("until") ? solver.until("until") : Settings.Until.DONE);
            // The name is shown, not used: a dataset may leave it out and be named after its horizon.
            String name = fields.containsKey("name") ? string("name") : "Tidplan " + span.start() + " .. " + span.end();
            // Both came later: a dataset without them names no buffer and has the board propose by October.
            Map<String, Integer> buffers = new LinkedHashMap<>();
            if (fields.containsKey("namedBuffers")) {
                Fields named = object("namedBuffers");
                named.fields.keySet().forEach(buffer -> buffers.put(buffer, (int) named.number(buffer, 0, 365)));
            }
            boolean inNovember = fields.containsKey("budgetProposalInNovember") && bool("budgetProposalInNovember");
            return new Settings(name, span, hours, step, List.copyOf(weak), weakWeight, weightByName, budget,
                    java.util.Collections.unmodifiableMap(buffers), inNovember);
        }

        private Fields object(String name, String... known) {
            return new Fields(file, required(name), path(name), known);
        }

        private List<Fields> list(String name, String... known) {
            Value value = required(name);
            if (!(value.content() instanceof List<?> items)) {
                throw problem(value, path(name), "must be a list [ ... ] (it may be empty)");
            }
            List<Fields> objects = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                objects.add(new Fields(file, (Value) items.get(i), path(name) + "[" + i + "]", known));
            }
            return objects;
        }

        private String string(String name) {
            Value value = required(name);
            if (!(value.content() instanceof String text)) {
                throw problem(value, path(name), "must be text in quotes");
            }
            return text;
        }

        private boolean bool(String name) {
            Value value = required(name);
            if (!(value.content() instanceof Boolean flag)) {
                throw problem(value, path(name), "must be true or false");
            }
            return flag;
        }

        private long number(String name, long least, long most) {
            Value value = required(name);
            Long number = null;
            if (value.content() instanceof BigDecimal decimal) {
                try {
                    number = decimal.longValueExact();
                } catch (ArithmeticException notWhole) {
                    // reported below
                }
            }
            if (number == null || number < least || number > most) {
                String range = most < Long.MAX_VALUE ? " from " + least + " to " + most
                        : least > Long.MIN_VALUE ? ", " + least + " or more" : "";
                throw problem(value, path(name), "must be a whole number" + range + ", not " + value.content());
            }
            return number;
        }

        private Settings.Until until(String name) {
            String word = string(name);
            for (Settings.Until until : Settings.Until.values()) {
                if (until.word().equals(word)) {
                    return until;
                }
            }
            throw problem(fields.get(name), path(name), "'" + word + "' is neither \"done\" (end when the search stops "
                    + "improving) nor \"stopped\" (search until stopped or the seconds are up)");
        }

        private LocalDate date(String name) {
            return parsed(name, LocalDate::parse, "a date like 2021-06-15");
        }

        private LocalTime time(String name) {
            return parsed(name, LocalTime::parse, "a time like 08:00");
        }

        private MonthDay monthDay(String name) {
            return parsed(name, text -> MonthDay.parse(text, MONTH_DAY), "a day of the year like 07-01");
        }

        private <T> T parsed(String name, Function<String, T> parse, String what) {
            String text = string(name);
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                throw problem(fields.get(name), path(name), "'" + text + "' is not " + what);
            }
        }

        private Value required(String name) {
            Value value = fields.get(name);
            if (value == null || value.content() == null) {
                throw new InputException(file, value == null ? line : value.line(), path(name), "missing");
            }
            return value;
        }

        /** A rule across this object's fields, reported at the object. */
        private void require(boolean ok, String problem) {
            if (!ok) {
                throw new InputException(file, line, path, problem);
            }
        }

        private String path(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private InputException problem(Value value, String field, String problem) {
            return new InputException(file, value.line(), field, problem);
        }
    }
}
