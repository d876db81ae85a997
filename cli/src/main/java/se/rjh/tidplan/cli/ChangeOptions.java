package se.rjh.tidplan.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.planning.Advisor;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.Replanner.AddSitting;
import se.rjh.tidplan.planning.Replanner.CancelSitting;
import se.rjh.tidplan.planning.Replanner.Change;
import se.rjh.tidplan.planning.Replanner.MoveForecast;
import se.rjh.tidplan.planning.Replanner.MoveSitting;
import se.rjh.tidplan.planning.Replanner.Pin;
import se.rjh.tidplan.planning.Replanner.Unpin;

/** The {@code replan} options that state a change, read into change values and named back in messages. */
public final class ChangeOptions {

    static final String MOVE_SITTING = "--move-sitting";
    static final String CANCEL_SITTING = "--cancel-sitting";
    static final String ADD_SITTING = "--add-sitting";
    static final String MOVE_FORECAST = "--move-forecast";
    static final String PIN = "--pin";
    static final String UNPIN = "--unpin";

    private ChangeOptions() {
    }

    /** Every change the options give, in the options' order. */
    public static List<Change> read(List<String> moveSittings, List<String> cancelSittings, List<String> addSittings,
            List<String> moveForecasts, List<String> pins, List<String> unpins) {
        List<Change> changes = new ArrayList<>();
        moveSittings.forEach(c -> changes.add(parse(MOVE_SITTING, c)));
        cancelSittings.forEach(c -> changes.add(parse(CANCEL_SITTING, c)));
        addSittings.forEach(c -> changes.add(parse(ADD_SITTING, c)));
        moveForecasts.forEach(c -> changes.add(parse(MOVE_FORECAST, c)));
        pins.forEach(c -> changes.add(parse(PIN, c)));
        unpins.forEach(c -> changes.add(parse(UNPIN, c)));
        return changes;
    }

    /** Parses {@code BODY:OLD=NEW}, {@code BODY:DATE}, {@code OLD=NEW} or {@code ID=DATE} for the option named. */
    static Change parse(String option, String text) {
        try {
            return switch (option) {
                case MOVE_SITTING -> {
                    String[] bodyAndDates = split(option, text, ":", "BODY:OLD=NEW");
                    String[] dates = split(option, bodyAndDates[1], "=", "BODY:OLD=NEW");
                    yield new MoveSitting(bodyAndDates[0], LocalDate.parse(dates[0]), LocalDate.parse(dates[1]));
                }
                case CANCEL_SITTING -> {
                    String[] parts = split(option, text, ":", "BODY:DATE");
                    yield new CancelSitting(parts[0], LocalDate.parse(parts[1]));
                }
                case ADD_SITTING -> {
                    String[] parts = split(option, text, ":", "BODY:DATE");
                    yield new AddSitting(parts[0], LocalDate.parse(parts[1]));
                }
                case MOVE_FORECAST -> {
                    String[] parts = split(option, text, "=", "OLD=NEW");
                    yield new MoveForecast(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]));
                }
                case PIN -> {
                    String[] parts = split(option, text, "=", "ID=DATE");
                    yield new Pin(parts[0], LocalDate.parse(parts[1]));
                }
                case UNPIN -> new Unpin(text.trim());
                default -> throw new IllegalArgumentException("unknown change " + option);
            };
        } catch (DateTimeParseException e) {
            throw new InputException(option, 0, null, "'" + text + "' has a date that is not yyyy-MM-dd: " + e.getParsedString());
        }
    }

    /** The option that states a change of this kind. */
    public static String option(Change change) {
        if (change instanceof MoveSitting) {
            return MOVE_SITTING;
        }
        if (change instanceof CancelSitting) {
            return CANCEL_SITTING;
        }
        if (change instanceof AddSitting) {
            return ADD_SITTING;
        }
        if (change instanceof Unpin) {
            return UNPIN;
        }
        return change instanceof MoveForecast ? MOVE_FORECAST : PIN;
    }

    /** A change as the option that states it, e.g. {@code --add-sitting RS:2021-06-08}; a value with a space is quoted. */
    public static String format(Change change) {
        String value = value(change);
        return option(change) + " " + (value.contains(" ") ? "\"" + value + "\"" : value);
    }

    /** The option's value that states the change, e.g. {@code RS:2021-06-08} for an added sitting. */
    public static String value(Change change) {
        if (change instanceof MoveSitting move) {
            return move.body() + ":" + move.from() + "=" + move.to();
        }
        if (change instanceof CancelSitting cancel) {
            return cancel.body() + ":" + cancel.date();
        }
        if (change instanceof AddSitting add) {
            return add.body() + ":" + add.date();
        }
        if (change instanceof MoveForecast forecast) {
            return forecast.from() + "=" + forecast.to();
        }
        if (change instanceof Unpin unpin) {
            return unpin.id();
        }
        Pin pin = (Pin) change;
        return pin.id() + "=" + pin.date();
    }

    /** A fix in replan's own syntax: the options it adds, and "without" each it takes back. */
    public static String format(Advisor.Fix fix) {
        List<String> parts = new ArrayList<>();
        fix.added().forEach(change -> parts.add(format(change)));
        fix.dropped().forEach(change -> parts.add("without " + format(change)));
        return String.join(" ", parts);
    }

    /** A remedy as the user can act on it: in words, with the option that would make the change. */
    static String describe(Replanner.Remedy remedy) {
        if (remedy instanceof Replanner.AddSittingIn add) {
            return "a sitting of " + String.join(" and ", add.bodies()) + " on a working day from " + add.from() + " to "
                    + add.to() + " would let " + add.activity() + " meet its chain (" + ADD_SITTING + " "
                    + add.bodies().get(0) + ":DATE)";
        }
        Replanner.NoDayLeft none = (Replanner.NoDayLeft) remedy;
        return none.activity() + " has no day left: its chain needs it on or after " + none.earliest()
                + " and on or before " + none.latest() + "; move a pinned or fixed date of its chain, or widen a window";
    }

    private static String[] split(String option, String text, String separator, String form) {
        int at = text.lastIndexOf(separator);
        if (at <= 0 || at == text.length() - 1) {
            throw new InputException(option, 0, null, "'" + text + "' is not of the form " + form);
        }
        return new String[] {text.substring(0, at).trim(), text.substring(at + 1).trim()};
    }
}
