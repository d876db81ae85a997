package se.rjh.tidplan.data.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;

/**
 * The default dataset says what the seeds say (issue "Dataset fidelity"): one test per reading of the seeds,
 * each checked against the seed text or the dataset's own structure, so that an edit that contradicts a seed
 * fails here.
 */
class DatasetFidelityTest {

    private static final Dataset DATASET = DatasetReader.readDefault();
    private static final Schedule SCHEDULE = DATASET.schedule();
    private static final Map<String, Activity> BY_ID = SCHEDULE.getActivities().stream()
            .collect(Collectors.toMap(Activity::getId, Function.identity()));
    private static final CalendarFile.Content SEED = CalendarFile.read(CalendarFileTest.SEED);

    private static final Set<String> CO_DETERMINATION = Set.of("CSG", "FSG HSF", "FSG RUF", "FSG RSF", "VSG");
    /** The bodies that decide for the region: RS, RF and the committees (their AUs prepare). */
    private static final Set<String> DECIDING = Set.of("RS", "RF", "HSN", "RUN");

    private static Set<String> bodies(Activity activity) {
        return activity.getBodies().stream().map(Body::getCode).collect(Collectors.toSet());
    }

    private static boolean isCoDetermination(Activity activity) {
        return bodies(activity).stream().anyMatch(CO_DETERMINATION::contains) || !activity.getCollaborationColumn().isEmpty();
    }

    /** At a deciding body's sitting, or a decision outside the bodies (the VO directors', the auditors'). */
    private static boolean isDecision(Activity activity) {
        return !isCoDetermination(activity) && (bodies(activity).stream().anyMatch(DECIDING::contains)
                || activity.getBodies().isEmpty() && activity.getName().toLowerCase().contains("beslut"));
    }

    /** Whether {@code to} comes after {@code from} through the dependencies, at least one working day on. */
    private static boolean after(Activity from, Activity to) {
        return after(from, to, 1);
    }

    /** Whether {@code to} comes after {@code from} through dependencies of at least {@code minLag} each. */
    static boolean after(Activity from, Activity to, int minLag) {
        Deque<Activity> todo = new ArrayDeque<>(List.of(from));
        Set<Activity> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Activity current = todo.pop();
            for (Dependency d : SCHEDULE.getDependencies()) {
                if (d.getBefore() == current && d.getMinLag() >= minLag && seen.add(d.getAfter())) {
                    if (d.getAfter() == to) {
                        return true;
                    }
                    todo.push(d.getAfter());
                }
            }
        }
        return false;
    }

    @Test
    void aMeetingThatWorksFromAnotherMeetingsOutcomeComesAfterIt() {
        // 1. "Avstämning styrdialoger" (Bilaga 7.2) is a meeting of its own, with its own participants.
        Meeting reconciliation = assertInstanceOf(Meeting.class, BY_ID.get("RP22-STYRDIALOG-AVST"));
        assertTrue(reconciliation.getParticipants().contains("RS ordförande"));
        assertFalse(BY_ID.get("RP22-STYRDIALOG").getBrief().basis().contains("Mötesprotokoll"));
        // In general: a meeting whose basis is the outcome of meetings held ("genomförda ...") comes after each.
        Map<String, String> heldMeetings = Map.of("genomförda budgetdialoger", "Budgetdialog",
                "genomförda styrdialoger", "Styrdialoger");
        int checked = 0;
        for (Activity meeting : SCHEDULE.getActivities()) {
            if (meeting.getBrief() == null) {
                continue;
            }
            for (var held : heldMeetings.entrySet()) {
                if (meeting.getBrief().basis().contains(held.getKey())) {
                    for (Activity source : SCHEDULE.getActivities()) {
                        if (source.getName().startsWith(held.getValue())) {
                            // The budget dialogues' results are compiled a working day between (the 19 January
                            // meeting); the steering dialogues' last session may be the reconciliation's morning.
                            boolean sameDay = source.getId().equals("RP22-STYRDIALOG");
                            assertTrue(after(source, meeting, sameDay ? 0 : 2), meeting.getId() + " must come after " + source.getId());
                            if (sameDay) {
                                Meeting last = assertInstanceOf(Meeting.class, source);
                                assertFalse(last.getPreferredStart().plusMinutes(last.getDurationMinutes())
                                        .isAfter(((Meeting) meeting).getPreferredStart()), "the last session ends before the reconciliation");
                            }
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(8 + 1, checked, "eight budget dialogues before PF22-MAJ2, the steering dialogues before the reconciliation");
    }

    @Test
    void eachAdministrationCollaboratesInItsOwnFsg() {
        // 2. No "FSG" for all three: HSF, RUF and RSF each have theirs, with their own sitting days.
        assertTrue(SCHEDULE.getBodies().stream().noneMatch(b -> b.getCode().equals("FSG")));
        int named = 0;
        for (Activity activity : SCHEDULE.getActivities()) {
            String group = Bodies.administrationGroup(activity.getName());
            if (group != null && bodies(activity).stream().anyMatch(b -> b.startsWith("FSG"))) {
                assertTrue(bodies(activity).contains(group), activity.getId() + " belongs in " + group);
                named++;
            }
        }
        assertEquals(9, named);
        // RUF's FSG cannot be put on the day the Tidplan gives HSF's FSG.
        assertFalse(BY_ID.get("VP21-RUN-FSG").getBodies().get(0).sitsOn(LocalDate.of(2020, 10, 5)));
        assertTrue(BY_ID.get("VP21-HSN-FSG").getBodies().get(0).sitsOn(LocalDate.of(2020, 10, 5)));
    }

    @Test
    void everyDecisionIsAtOneDecidingBodysSitting() {
        // 3. "Beslut VP 2022 i RS o RUN" is two decisions; no activity needs two deciding bodies on one day.
        for (Activity activity : SCHEDULE.getActivities()) {
            assertTrue(bodies(activity).stream().filter(DECIDING::contains).count() <= 1, activity.getId());
        }
        assertEquals(Set.of("RS"), bodies(BY_ID.get("VP22-RS")));
        assertEquals(Set.of("RUN"), bodies(BY_ID.get("VP22-RUN")));
        // 6. What a committee or its AU decides is at its sittings: "vid första sammanträdet för året" at the first.
        for (String committee : List.of("HSN", "RUN")) {
            Activity plan = BY_ID.get("IK21-" + committee);
            assertEquals(Set.of(committee), bodies(plan));
            Body body = plan.getBodies().get(0);
            assertEquals(body.getSittings().ceiling(LocalDate.of(2021, 1, 1)), plan.getLatest());
            assertEquals(Set.of(committee + " AU"), bodies(BY_ID.get("VP22-AU-" + committee)));
            assertEquals(Set.of(committee), bodies(BY_ID.get("VP22-NAMND-" + committee)));
        }
        List<String> unplaced = SCHEDULE.getActivities().stream()
                .filter(a -> a.getName().matches("(Nämnderna fastställer|Nämndernas Arbetsutskott beslut|Nämndernas beslut).*"))
                .filter(a -> a.getBodies().isEmpty()).map(Activity::getId).toList();
        assertEquals(List.of(), unplaced);
    }

    @Test
    void everySittingTheSeedsGiveIsInTheDatasetAndLabelledWithItsSource() {
        // 4. Seed 003: RS decided its 2021 sitting days on 2020-05-26 (§ 86) and 2020-09-30 (§ 146): a protocol.
        Map<String, Body> bodies = SCHEDULE.getBodies().stream().collect(Collectors.toMap(Body::getCode, Function.identity()));
        Body rs = bodies.get("RS");
        assertEquals(Sitting.of(SittingSource.PROTOCOL, "seed 003: RS decided its 2021 sitting days at this sitting (2020-05-26 § 86)"),
                rs.getSitting(LocalDate.of(2020, 5, 26)));
        assertEquals(SittingSource.PROTOCOL, rs.getSitting(LocalDate.of(2020, 9, 30)).source().orElseThrow());
        // Every body an activity of a Tidplan row is decided in sits on the row's date (unless it is a day off),
        // with Source Tidplan; but for the committees' internal-control plans "vid första sammanträdet
        // för året", dated before the first sittings of the committees that the Tidplan's own rows give.
        int checked = 0;
        Set<String> given = new HashSet<>();
        for (CalendarRow row : SEED.rows()) {
            for (Activity activity : SCHEDULE.getActivities()) {
                if (!activity.getName().equals(row.name()) || !row.date().equals(activity.getBaselineDate())) {
                    continue;
                }
                for (String code : bodies(activity)) {
                    given.add(code + " " + row.date());
                    if (!SCHEDULE.getCalendar().isWorkingDay(row.date())) {
                        continue;
                    }
                    Sitting sitting = bodies.get(code).getSitting(row.date());
                    if (List.of("IK21-HSN", "IK21-RUN").contains(activity.getId())) {
                        assertFalse(bodies.get(code).sitsOn(row.date()), code + " on " + row.date());
                    } else {
                        assertEquals(Optional.of(SittingSource.TIDPLAN), sitting.source(), code + " on " + row.date());
                        checked++;
                    }
                }
                // 9. A row collaborated "i VSG och FSG" puts each administration's FSG on its day.
                if (row.name().endsWith("i VSG och FSG")) {
                    Set.of("FSG HSF", "FSG RUF", "FSG RSF").forEach(fsg -> given.add(fsg + " " + row.date()));
                }
            }
        }
        // 60, and the three FSGs of VERK22-SAMVERKAD ("i VSG och FSG") on 2021-12-20.
        assertEquals(63, checked, "sittings checked");
        // And every sitting from the Tidplan is one a Tidplan row gives: the FSGs of 2021-12-20 among them.
        int tidplan = 0;
        for (Body body : SCHEDULE.getBodies()) {
            for (LocalDate day : body.getSittings()) {
                Sitting sitting = body.getSitting(day);
                assertTrue(sitting.source().isPresent(), body + " " + day + " says where it comes from");
                if (sitting.source().get() == SittingSource.TIDPLAN) {
                    assertTrue(given.contains(body.getCode() + " " + day), body + " " + day);
                    tidplan++;
                }
            }
        }
        assertEquals(SittingSource.TIDPLAN, bodies.get("FSG RSF").getSitting(LocalDate.of(2021, 12, 20)).source().orElseThrow());
        assertEquals(55, tidplan, "sittings from the Tidplan");
    }

    @Test
    void everyCoDeterminationBeforeADecisionLeavesTimeForTheNegotiation() {
        // 5. MBL: negotiate, then decide; the same lag and wanted buffer everywhere.
        int rules = 0;
        for (Dependency d : SCHEDULE.getDependencies()) {
            if (isCoDetermination(d.getBefore()) && isDecision(d.getAfter())) {
                assertEquals(LagUnit.WORKING_DAYS, d.getUnit(), d.getBefore().getId() + " -> " + d.getAfter().getId());
                // "för information i CSG" is information, not a negotiation: no MBL buffer (issue 26, point 4).
                int wanted = d.getBefore().getName().contains("för information") ? 0 : 3;
                assertTrue(d.getMinLag() >= 1 && d.getBuffer() == wanted, d.getBefore().getId() + " -> " + d.getAfter().getId());
                rules++;
            }
        }
        assertEquals(18, rules, "negotiations before decisions");
        // Each collaboration on a decision ("X:s beslut ... samverkad i FSG") is followed by that decision.
        for (Activity activity : SCHEDULE.getActivities()) {
            if (isCoDetermination(activity) && activity.getName().toLowerCase().contains("beslut")) {
                assertTrue(SCHEDULE.getDependencies().stream().anyMatch(d -> d.getBefore() == activity && isDecision(d.getAfter())
                        && d.getBuffer() == 3), activity.getId() + " must be followed by its decision");
            }
        }
        // The VO directors' decision is negotiated in FSG first (the Tidplan has it the other way round).
        assertTrue(after(BY_ID.get("VOB22-FSG"), BY_ID.get("VOB22-BESLUT")));
        assertFalse(after(BY_ID.get("VOB22-BESLUT"), BY_ID.get("VOB22-FSG")));
    }

    @Test
    void theTidplansResponsibilityColumnsAndCommentsStayWithTheirRows() {
        // 7. Units are the Tidplan's two responsibility columns (PoU for "Ekonomi staben/ Enheten PoU", the
        // operations for "Verksamhet med stöd från stab") and the auditors' own decision, nothing invented.
        Set<String> units = SCHEDULE.getActivities().stream().map(Activity::getUnit).filter(u -> !u.isEmpty())
                .collect(Collectors.toSet());
        assertEquals(Set.of("PoU", "HSF", "RUF", "RSF", "Verksamheterna", "Revisionen"), units);
        for (Activity activity : SCHEDULE.getActivities()) {
            if (!activity.getFinanceColumn().isEmpty()) {
                assertEquals("PoU", activity.getUnit(), activity.getId());
            }
            if (!activity.getOperationsColumn().isEmpty()) {
                assertTrue(Set.of("HSF", "RUF", "RSF", "Verksamheterna").contains(activity.getUnit()), activity.getId());
            }
        }
        // Wherever the trailing table can be put back on its rows for certain, the dataset has the same cells.
        int compared = 0;
        for (CalendarRow row : SEED.rows()) {
            if (row.operations().isEmpty() && row.finance().isEmpty() && row.comment().isEmpty()) {
                continue;
            }
            Activity activity = SCHEDULE.getActivities().stream()
                    .filter(a -> a.getName().equals(row.name()) && row.date().equals(a.getBaselineDate()))
                    .findFirst().orElseThrow(() -> new AssertionError("no activity for " + row.name()));
            assertEquals(List.of(row.operations(), row.finance(), row.comment()),
                    List.of(activity.getOperationsColumn(), activity.getFinanceColumn(), activity.getComment()), activity.getId());
            compared++;
        }
        assertEquals(18, compared);
        assertEquals("Kanske lite tidigt datum, i slutet av mars bättre!", BY_ID.get("PF22-RS").getComment());
        assertEquals(6, SCHEDULE.getActivities().stream().filter(a -> a.getComment().equals("Bilaga till PF")).count());
    }

    @Test
    void aMatterTwiceInOneBodyIsAWarning() {
        // 8. Tillämpningsanvisningar in RS AU on 2021-01-26 and 2021-02-16.
        assertEquals(List.of(), DATASET.warnings());
        assertEquals(1, DATASET.reviews().size(), DATASET.reviews().toString());
        assertTrue(DATASET.reviews().get(0).contains("TA-RSAU2 on 2021-02-16 is the same matter in RS AU as TA-RSAU1 on 2021-01-26"));
    }

    @Test
    void theOfficeHoursHoldEveryMeetingTheRegionPlanned() {
        // 10. Office hours are the region's own: from the earliest start to the latest end in the Tidplan.
        List<CalendarRow> timed = new ArrayList<>(SEED.rows().stream().filter(CalendarRow::isTimed).toList());
        assertFalse(timed.isEmpty());
        for (CalendarRow row : timed) {
            assertFalse(row.start().isBefore(SCHEDULE.getOfficeHours().start()), row.name());
            assertFalse(row.end().isAfter(SCHEDULE.getOfficeHours().end()), row.name());
        }
        assertEquals(SCHEDULE.getOfficeHours().end(), timed.stream().map(CalendarRow::end).max(Comparable::compareTo).orElseThrow());
    }
}
