package se.rjh.tidplan.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.OfficeHours;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * One test per constraint of {@link TidplanConstraintProvider}, in its order: it penalises, with the
 * justification a user reads, and it does not.
 */
class TidplanConstraintProviderTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 6, 7);
    private static final LocalDate MIDSOMMARAFTON = LocalDate.of(2021, 6, 25);
    private static final LocalDate SATURDAY = LocalDate.of(2021, 6, 12);

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(LocalDate.of(2021, 1, 1),
            LocalDate.of(2021, 12, 31), Map.of(MIDSOMMARAFTON, "Midsommarafton"),
            List.of(new WorkingCalendar.WeakPeriod(MonthDay.of(7, 1), MonthDay.of(7, 31))), 3);
    private static final OfficeHours OFFICE_HOURS = new OfficeHours(LocalTime.of(8, 0), LocalTime.of(17, 0));
    private static final Body RS = new Body("RS", "Regionstyrelsen", List.of(MONDAY));
    private static final Body RF = new Body("RF", "Regionfullmäktige", List.of(LocalDate.of(2021, 6, 21)));

    private final ConstraintVerifier<TidplanConstraintProvider, Schedule> verifier = ConstraintVerifier.build(
            new TidplanConstraintProvider(), Schedule.class, Activity.class, Meeting.class);

    private static Activity activity(String id, LocalDate date) {
        Activity activity = new Activity(id, "Aktivitet " + id);
        activity.setUnit("PoU");
        activity.setBaselineDate(date);
        activity.setDate(date);
        return activity;
    }

    private static Activity external(String id, LocalDate date) {
        Activity activity = activity(id, date);
        activity.setExternal(true);
        activity.setUnit("");
        return activity;
    }

    private static Meeting meeting(String id, LocalDate date, LocalTime start, int minutes, String... people) {
        Meeting meeting = new Meeting(id, "Möte " + id, start, minutes);
        meeting.setUnit("Budget");
        meeting.setBaselineDate(date);
        meeting.setDate(date);
        meeting.setStart(start);
        meeting.setParticipants(Set.of(people));
        return meeting;
    }

    private static Dependency dependency(Activity before, Activity after, int minLag, int buffer, LagUnit unit) {
        return new Dependency(before, after, minLag, buffer, unit, "test");
    }

    @Test
    void orderWithMinimumLag() {
        Activity rs = activity("RS", MONDAY);
        Activity rfTooSoon = activity("RF", MONDAY.plusDays(3));
        Dependency kungorelse = dependency(rs, rfTooSoon, 7, 0, LagUnit.CALENDAR_DAYS);
        verifier.verifyThat(TidplanConstraintProvider::orderWithMinimumLag)
                .given(kungorelse, rs, rfTooSoon, CALENDAR)
                .justifiesWithExactly(new Justifications.LagMissed(kungorelse, 4))
                .penalizesBy(4);
        assertEquals("RF (Aktivitet RF) on 2021-06-10 comes 4 calendar days too soon after RS (Aktivitet RS) on 2021-06-07:"
                + " it needs at least 7 calendar days (test); move it later or the step before earlier",
                new Justifications.LagMissed(kungorelse, 4).description());
        Activity rfInTime = activity("RF", MONDAY.plusDays(14));
        verifier.verifyThat(TidplanConstraintProvider::orderWithMinimumLag)
                .given(dependency(rs, rfInTime, 7, 0, LagUnit.CALENDAR_DAYS), rs, rfInTime, CALENDAR)
                .penalizesBy(0);
        // Friday to Monday is one working day: enough for a lag of one, not of two.
        Activity friday = activity("A", LocalDate.of(2021, 6, 4));
        verifier.verifyThat(TidplanConstraintProvider::orderWithMinimumLag)
                .given(dependency(friday, rs, 1, 0, LagUnit.WORKING_DAYS), friday, rs, CALENDAR)
                .penalizesBy(0);
        verifier.verifyThat(TidplanConstraintProvider::orderWithMinimumLag)
                .given(dependency(friday, rs, 2, 0, LagUnit.WORKING_DAYS), friday, rs, CALENDAR)
                .penalizesBy(1);
        // A step after an external event is the forecast rule's business, not this one's.
        Activity forecast = external("SKR", MONDAY);
        verifier.verifyThat(TidplanConstraintProvider::orderWithMinimumLag)
                .given(dependency(forecast, rs, 1, 0, LagUnit.WORKING_DAYS), forecast, rs, CALENDAR)
                .penalizesBy(0);
    }

    @Test
    void sittingDayOfTheBody() {
        Activity onSitting = activity("A", MONDAY);
        onSitting.setBodies(List.of(RS));
        verifier.verifyThat(TidplanConstraintProvider::sittingDayOfTheBody).given(onSitting).penalizesBy(0);
        Activity offSitting = activity("B", MONDAY.plusDays(1));
        offSitting.setBodies(List.of(RS));
        verifier.verifyThat(TidplanConstraintProvider::sittingDayOfTheBody).given(offSitting).justifiesWithExactly(new Justifications.NotASittingDay(offSitting, "RS"))
                .penalizesBy(1);
        Activity bothBodies = activity("C", MONDAY);
        bothBodies.setBodies(List.of(RS, RF));
        verifier.verifyThat(TidplanConstraintProvider::sittingDayOfTheBody).given(bothBodies).justifiesWithExactly(new Justifications.NotASittingDay(bothBodies, "RF"))
                .penalizesBy(1);
        Activity noBody = activity("D", MONDAY.plusDays(1));
        verifier.verifyThat(TidplanConstraintProvider::sittingDayOfTheBody).given(noBody).penalizesBy(0);
    }

    @Test
    void attendeesOwnBodyDoesNotSit() {
        // The planning day: RS's members attend, and RS sits on MONDAY.
        Meeting onRsSitting = meeting("PD", MONDAY, LocalTime.of(9, 0), 360, "RS ledamöter", "RD");
        verifier.verifyThat(TidplanConstraintProvider::attendeesOwnBodyDoesNotSit)
                .given(onRsSitting, RS, RF)
                .justifiesWithExactly(new Justifications.AttendeesBodySits(onRsSitting, "RS"))
                .penalizesBy(1);
        assertEquals("PD (Möte PD) on 2021-06-07 09:00-15:00 has RS's members among its participants, but RS sits that day;"
                + " move it to a day RS does not sit", new Justifications.AttendeesBodySits(onRsSitting, "RS").description());
        // A presidium and substitutes count as the body's members; each sitting body counts once.
        Meeting bothSit = meeting("PD", MONDAY, LocalTime.of(9, 0), 360, "RS presidium", "RS ersättare", "RF ledamöter");
        Body rfToo = new Body("RF", "Regionfullmäktige", List.of(MONDAY));
        verifier.verifyThat(TidplanConstraintProvider::attendeesOwnBodyDoesNotSit).given(bothSit, RS, rfToo).penalizesBy(2);
        // Another day, or people who are no body's members ("RS ordförande" is one person): no penalty.
        Meeting dayAfter = meeting("PD", MONDAY.plusDays(1), LocalTime.of(9, 0), 360, "RS ledamöter");
        verifier.verifyThat(TidplanConstraintProvider::attendeesOwnBodyDoesNotSit).given(dayAfter, RS).penalizesBy(0);
        Meeting chair = meeting("M", MONDAY, LocalTime.of(13, 0), 60, "RS ordförande", "RD");
        verifier.verifyThat(TidplanConstraintProvider::attendeesOwnBodyDoesNotSit).given(chair, RS).penalizesBy(0);
    }

    @Test
    void afterTheForecast() {
        Activity forecast = external("SKR", LocalDate.of(2021, 4, 29));
        Activity sameDay = activity("B", LocalDate.of(2021, 4, 29));
        Dependency usesForecast = dependency(forecast, sameDay, 1, 0, LagUnit.WORKING_DAYS);
        verifier.verifyThat(TidplanConstraintProvider::afterTheForecast)
                .given(usesForecast, forecast, sameDay, CALENDAR)
                .justifiesWithExactly(new Justifications.LagMissed(usesForecast, 1))
                .penalizesBy(1);
        Activity dayAfter = activity("B", LocalDate.of(2021, 4, 30));
        verifier.verifyThat(TidplanConstraintProvider::afterTheForecast)
                .given(dependency(forecast, dayAfter, 1, 0, LagUnit.WORKING_DAYS), forecast, dayAfter, CALENDAR)
                .penalizesBy(0);
        Activity internal = activity("A", LocalDate.of(2021, 4, 29));
        verifier.verifyThat(TidplanConstraintProvider::afterTheForecast)
                .given(dependency(internal, sameDay, 1, 0, LagUnit.WORKING_DAYS), internal, sameDay, CALENDAR)
                .penalizesBy(0);
    }

    @Test
    void workingDay() {
        Activity midsummer = activity("A", MIDSOMMARAFTON);
        Activity saturday = activity("B", SATURDAY);
        verifier.verifyThat(TidplanConstraintProvider::workingDay)
                .given(midsummer, saturday, CALENDAR)
                .justifiesWithExactly(new Justifications.NotAWorkingDay(midsummer, "Midsommarafton"),
                        new Justifications.NotAWorkingDay(saturday, "Saturday"))
                .penalizesBy(2);
        verifier.verifyThat(TidplanConstraintProvider::workingDay)
                .given(activity("A", MONDAY), external("SKR", SATURDAY), CALENDAR)
                .penalizesBy(0);
    }

    @Test
    void withinWindow() {
        Activity late = activity("A", LocalDate.of(2021, 11, 2));
        late.setWindow(null, LocalDate.of(2021, 10, 31));
        verifier.verifyThat(TidplanConstraintProvider::withinWindow).given(late).justifiesWithExactly(new Justifications.OutsideWindow(late, 2))
                .penalizesBy(2);
        Activity early = activity("B", LocalDate.of(2021, 5, 28));
        early.setWindow(LocalDate.of(2021, 6, 1), null);
        verifier.verifyThat(TidplanConstraintProvider::withinWindow).given(early).penalizesBy(4);
        Activity inside = activity("C", LocalDate.of(2021, 10, 29));
        inside.setWindow(LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 31));
        verifier.verifyThat(TidplanConstraintProvider::withinWindow).given(inside).penalizesBy(0);
    }

    @Test
    void personInTwoMeetings() {
        Meeting first = meeting("A", MONDAY, LocalTime.of(9, 0), 60, "RD", "Direktör HR stab");
        Meeting overlapping = meeting("B", MONDAY, LocalTime.of(9, 30), 60, "RD", "Direktör Ekonomistab");
        verifier.verifyThat(TidplanConstraintProvider::personInTwoMeetings).given(first, overlapping).justifiesWithExactly(new Justifications.DoubleBooked(first, overlapping))
                .penalizesBy(30);
        Meeting otherPeople = meeting("C", MONDAY, LocalTime.of(9, 30), 60, "CLG");
        Meeting touching = meeting("D", MONDAY, LocalTime.of(10, 0), 30, "RD");
        Meeting otherDay = meeting("E", MONDAY.plusDays(1), LocalTime.of(9, 0), 60, "RD");
        verifier.verifyThat(TidplanConstraintProvider::personInTwoMeetings)
                .given(first, otherPeople, touching, otherDay)
                .penalizesBy(0);
    }

    @Test
    void meetingInsideOfficeHours() {
        Meeting late = meeting("A", MONDAY, LocalTime.of(16, 0), 90, "RD");
        verifier.verifyThat(TidplanConstraintProvider::meetingInsideOfficeHours)
                .given(late, OFFICE_HOURS)
                .justifiesWithExactly(new Justifications.OutsideOfficeHours(late, "08:00-17:00"))
                .penalizesBy(30);
        verifier.verifyThat(TidplanConstraintProvider::meetingInsideOfficeHours)
                .given(meeting("A", MONDAY, LocalTime.of(7, 45), 30, "RD"), OFFICE_HOURS)
                .penalizesBy(15);
        verifier.verifyThat(TidplanConstraintProvider::meetingInsideOfficeHours)
                .given(meeting("A", MONDAY, LocalTime.of(15, 30), 90, "RD"), OFFICE_HOURS)
                .penalizesBy(0);
    }

    @Test
    void fixedActivityStays() {
        Activity pinnedMoved = activity("A", MONDAY);
        pinnedMoved.setPinned(true);
        pinnedMoved.setDate(MONDAY.plusDays(2));
        Activity forecastMoved = external("SKR", MONDAY);
        forecastMoved.setDate(MONDAY.minusDays(1));
        verifier.verifyThat(TidplanConstraintProvider::fixedActivityStays)
                .given(pinnedMoved, forecastMoved)
                .justifiesWithExactly(new Justifications.FixedMoved(pinnedMoved), new Justifications.FixedMoved(forecastMoved))
                .penalizesBy(3);
        Meeting pinnedMeetingLater = meeting("M", MONDAY, LocalTime.of(13, 0), 60, "RD");
        pinnedMeetingLater.setPinned(true);
        pinnedMeetingLater.setStart(LocalTime.of(14, 0));
        verifier.verifyThat(TidplanConstraintProvider::fixedActivityStays).given(pinnedMeetingLater).penalizesBy(1);
        Activity pinnedInPlace = activity("B", MONDAY);
        pinnedInPlace.setPinned(true);
        Activity freeMoved = activity("C", MONDAY);
        freeMoved.setDate(MONDAY.plusDays(5));
        verifier.verifyThat(TidplanConstraintProvider::fixedActivityStays)
                .given(pinnedInPlace, freeMoved)
                .penalizesBy(0);
    }

    @Test
    void evenWorkload() {
        // Three in one week weigh 3 * 3; the same three in three weeks weigh 1 + 1 + 1.
        verifier.verifyThat(TidplanConstraintProvider::evenWorkload)
                .given(activity("A", MONDAY), activity("B", MONDAY.plusDays(1)), activity("C", MONDAY.plusDays(2)),
                        CALENDAR)
                .justifiesWithExactly(new Justifications.WeekLoad("PoU", MONDAY, 3, false))
                .penalizesBy(9);
        verifier.verifyThat(TidplanConstraintProvider::evenWorkload)
                .given(activity("A", MONDAY), activity("B", MONDAY.plusDays(7)), activity("C", MONDAY.plusDays(14)),
                        CALENDAR)
                .penalizesBy(3);
        // Two in a July week weigh 2 * 2 * 3 (the weak-week weight); external events count for nobody.
        verifier.verifyThat(TidplanConstraintProvider::evenWorkload)
                .given(activity("A", LocalDate.of(2021, 7, 5)), activity("B", LocalDate.of(2021, 7, 6)),
                        external("SKR", LocalDate.of(2021, 7, 7)), CALENDAR)
                .justifiesWithExactly(new Justifications.WeekLoad("PoU", LocalDate.of(2021, 7, 5), 2, true))
                .penalizesBy(12);
    }

    @Test
    void bufferBeforeNextStep() {
        Activity csg = activity("CSG", MONDAY);
        Activity twoDaysLater = activity("RS", MONDAY.plusDays(2));
        Dependency negotiation = dependency(csg, twoDaysLater, 1, 3, LagUnit.WORKING_DAYS);
        verifier.verifyThat(TidplanConstraintProvider::bufferBeforeNextStep)
                .given(negotiation, csg, twoDaysLater, CALENDAR)
                .justifiesWithExactly(new Justifications.BufferMissed(negotiation, 2))
                .penalizesBy(2);
        Activity weekLater = activity("RS", MONDAY.plusDays(7));
        verifier.verifyThat(TidplanConstraintProvider::bufferBeforeNextStep)
                .given(dependency(csg, weekLater, 1, 3, LagUnit.WORKING_DAYS), csg, weekLater, CALENDAR)
                .penalizesBy(0);
        // When even the minimum lag is broken, the hard rule speaks, not the buffer.
        Activity sameDay = activity("RS", MONDAY);
        verifier.verifyThat(TidplanConstraintProvider::bufferBeforeNextStep)
                .given(dependency(csg, sameDay, 1, 3, LagUnit.WORKING_DAYS), csg, sameDay, CALENDAR)
                .penalizesBy(0);
    }

    @Test
    void closeToBaseline() {
        Activity moved = activity("A", MONDAY);
        moved.setDate(MONDAY.minusDays(3));
        verifier.verifyThat(TidplanConstraintProvider::closeToBaseline).given(moved).justifiesWithExactly(new Justifications.MovedFromBaseline(moved, 3))
                .penalizesBy(3);
        verifier.verifyThat(TidplanConstraintProvider::closeToBaseline).given(activity("B", MONDAY)).penalizesBy(0);
    }

    @Test
    void preferredMeetingTime() {
        Meeting later = meeting("A", MONDAY, LocalTime.of(13, 0), 60, "RD");
        later.setStart(LocalTime.of(13, 20));
        verifier.verifyThat(TidplanConstraintProvider::preferredMeetingTime).given(later).justifiesWithExactly(new Justifications.MeetingTimeMoved(later, 20))
                .penalizesBy(2);
        verifier.verifyThat(TidplanConstraintProvider::preferredMeetingTime)
                .given(meeting("B", MONDAY, LocalTime.of(13, 0), 60, "RD"))
                .penalizesBy(0);
    }

    @Test
    void decidedOnAConfirmedSitting() {
        Body hsn = new Body("HSN", "Hälso- och sjukvårdsnämnden", Map.of(
                MONDAY, Sitting.of(SittingSource.TIDPLAN, ""),
                MONDAY.plusDays(1), Sitting.of(SittingSource.ASSUMED, "monthly"),
                MONDAY.plusDays(2), Sitting.of(SittingSource.TO_CONFIRM, "moved a year"),
                MONDAY.plusDays(3), Sitting.of(SittingSource.PROTOCOL, "§ 86")));
        Activity onTidplanDay = activity("A", MONDAY);
        onTidplanDay.setBodies(List.of(hsn));
        verifier.verifyThat(TidplanConstraintProvider::decidedOnAConfirmedSitting).given(onTidplanDay).penalizesBy(0);
        Activity onProtocolDay = activity("A", MONDAY.plusDays(3));
        onProtocolDay.setBodies(List.of(hsn));
        verifier.verifyThat(TidplanConstraintProvider::decidedOnAConfirmedSitting).given(onProtocolDay).penalizesBy(0);
        Activity onAssumedDay = activity("A", MONDAY.plusDays(1));
        onAssumedDay.setBodies(List.of(hsn));
        verifier.verifyThat(TidplanConstraintProvider::decidedOnAConfirmedSitting).given(onAssumedDay)
                .justifiesWithExactly(new Justifications.UnconfirmedSitting(onAssumedDay, "HSN assumed: monthly"))
                .penalizesBy(1);
        assertEquals("A (Aktivitet A) on 2021-06-08 is decided on a sitting still to be confirmed (HSN assumed: monthly);"
                + " a day from the Tidplan or a protocol is surer",
                new Justifications.UnconfirmedSitting(onAssumedDay, "HSN assumed: monthly").description());
        // One for each body whose sitting that day is unconfirmed; a day a body does not sit is the hard rule's.
        Body hsnAu = new Body("HSN AU", "HSN:s arbetsutskott", Map.of(MONDAY.plusDays(2), Sitting.of(SittingSource.ADDED, "")));
        Activity onTwoGuesses = activity("B", MONDAY.plusDays(2));
        onTwoGuesses.setBodies(List.of(hsn, hsnAu, RS));
        verifier.verifyThat(TidplanConstraintProvider::decidedOnAConfirmedSitting).given(onTwoGuesses).penalizesBy(2);
        // A dataset that does not say where a day comes from (no Source) prefers nothing.
        Activity unsaid = activity("C", MONDAY);
        unsaid.setBodies(List.of(RS));
        verifier.verifyThat(TidplanConstraintProvider::decidedOnAConfirmedSitting).given(unsaid).penalizesBy(0);
    }

    @Test
    void bookedMeetingStays() {
        Meeting dialogue = meeting("BD", MONDAY, LocalTime.of(8, 0), 30, "RD", "Budgetchef");
        dialogue.setBooked(true);
        verifier.verifyThat(TidplanConstraintProvider::bookedMeetingStays).given(dialogue).penalizesBy(0);
        // Another time the same day is the meeting-time rule's; another day is a rebooking, one penalty however far.
        dialogue.setStart(LocalTime.of(10, 0));
        verifier.verifyThat(TidplanConstraintProvider::bookedMeetingStays).given(dialogue).penalizesBy(0);
        dialogue.setDate(MONDAY.plusDays(7));
        verifier.verifyThat(TidplanConstraintProvider::bookedMeetingStays).given(dialogue)
                .justifiesWithExactly(new Justifications.BookedMeetingMoved(dialogue))
                .penalizesBy(1);
        assertEquals("BD (Möte BD) on 2021-06-14 10:00-10:30 is booked with its participants for 2021-06-07: moving it means"
                + " rebooking them", new Justifications.BookedMeetingMoved(dialogue).description());
        Meeting notBooked = meeting("M", MONDAY, LocalTime.of(8, 0), 30, "RD");
        notBooked.setDate(MONDAY.plusDays(7));
        verifier.verifyThat(TidplanConstraintProvider::bookedMeetingStays).given(notBooked).penalizesBy(0);
    }
}
