package se.rjh.tidplan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import java.util.Set;

class MeetingTest {

    @Test
    void participantsKeepTheirOrder() {
        // Set.copyOf iterates in an order salted per JVM: the same dataset gave another calendar (and another
        // "Deltagare" line in the ICS) from one run to the next. The order given is the order kept.
        List<String> people = List.of("RD", "Budgetchef", "Förvaltningsdirektör HSF", "Ekonomidirektör", "CLG",
                "RS ordförande", "Majoriteten");
        Meeting meeting = new Meeting("M", "Möte", LocalTime.of(13, 0), 60);
        meeting.setParticipants(new LinkedHashSet<>(people));
        assertEquals(people, List.copyOf(meeting.getParticipants()));
    }
}
