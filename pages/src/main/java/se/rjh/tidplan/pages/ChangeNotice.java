package se.rjh.tidplan.pages;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.words.Text;

/**
 * After a re-plan, the notice the planners send to those affected: a short printable page in the planners' words
 * ("Ändringsmeddelande") with what changed, each activity that moved from when to when and why, and whom to tell,
 * also listed by whom. The markup is {@code changenotice.jte}.
 */
public final class ChangeNotice {

    /** The notice as the template reads it; {@code stillBroken}: the hard rules the change leaves broken. */
    record View(String calendar, String occasion, String today, List<String> changes, List<Move> moves,
            List<Recipient> recipients, List<String> stillBroken) {
    }

    /** An activity that moved: from and to (day and time), by how much, why, and whom to tell. */
    record Move(String id, String name, String from, String to, String shift, String why, String tell) {
    }

    /** Someone to tell (a unit, a body, a person), and what of theirs moved. */
    record Recipient(String who, List<String> activities) {
    }

    private ChangeNotice() {
    }

    /** Writes the notice of {@code result}, the re-plan of {@code changes} with everything before {@code today} frozen. */
    public static void write(Replanner.Result result, LocalDate today, List<Replanner.Change> changes, Path target) {
        Templates.write(render(result, today, changes), target);
    }

    public static String render(Replanner.Result result, LocalDate today, List<Replanner.Change> changes) {
        List<String> stillBroken = result.blockers().stream()
                .map(b -> Labels.say(Text.NOTICE_BROKEN_RULE, Labels.rule(b.constraint()), String.join(", ", b.finding().activityIds())))
                .distinct().toList();
        return render(result.solved().schedule().getName(),
                Labels.say(Text.NOTICE_REPLANNED, Labels.date(today)), today,
                changes.stream().map(change -> Labels.say(change.phrase())).toList(), result.moves(), stillBroken);
    }

    /**
     * The notice of a publication: {@code published} replaces what was published before ({@code what} says both), and
     * {@code moves} are what lies elsewhere now (see planning's {@code Planner.changedSince}).
     */
    public static String ofPublication(String published, LocalDate on, String what, List<Replanner.Moved> moves) {
        return render(published, Labels.say(Text.NOTICE_PUBLISHED, Labels.date(on)), on, List.of(what), moves, List.of());
    }

    private static String render(String calendar, String occasion, LocalDate today, List<String> changes,
            List<Replanner.Moved> moved, List<String> stillBroken) {
        List<Move> moves = new ArrayList<>();
        Map<String, List<String>> byRecipient = new LinkedHashMap<>();
        for (Replanner.Moved m : moved) {
            moves.add(new Move(m.id(), m.name(), when(m.oldDate(), m.oldStart()), when(m.newDate(), m.newStart()),
                    shift(m), Labels.say(m.why().phrase()), String.join(", ", m.toTell())));
            for (String who : m.toTell()) {
                byRecipient.computeIfAbsent(who, k -> new ArrayList<>()).add(m.id() + " (" + Labels.day(m.newDate()) + ")");
            }
        }
        return Templates.render("changenotice.jte", new View(calendar, occasion, Labels.date(today), changes, moves,
                byRecipient.entrySet().stream().map(e -> new Recipient(e.getKey(), e.getValue())).toList(), stillBroken));
    }

    /** "mån 14 jun 2021 kl. 09:00"; an activity new to the calendar had no date before. */
    private static String when(LocalDate date, LocalTime start) {
        if (date == null) {
            return "–";
        }
        return start == null ? Labels.date(date) : Labels.say(Text.NOTICE_AT_TIME, Labels.date(date), start);
    }

    /** "7 dagar tidigare", "1 dag senare", the same day at another time, or new. */
    private static String shift(Replanner.Moved m) {
        if (m.oldDate() == null) {
            return Labels.say(Text.NOTICE_NEW);
        }
        if (m.days() == 0) {
            return Labels.say(Text.NOTICE_NEW_TIME);
        }
        return Labels.say(m.days() < 0 ? Text.NOTICE_EARLIER : Text.NOTICE_LATER, Math.abs(m.days()));
    }
}
