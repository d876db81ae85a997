package se.rjh.tidplan.model;

/**
 * What the region writes about a preparation meeting (Bilaga 7.1 and 7.2): purpose (syfte), basis
 * (underlag), goal (mål), documentation (dokumentation av möte) and follow-up (fortsatt arbete).
 * Descriptive only; the solver does not read it.
 */
public record MeetingBrief(String purpose, String basis, String goal, String documentation, String followUp) {
}
