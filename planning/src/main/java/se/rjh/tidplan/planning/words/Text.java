package se.rjh.tidplan.planning.words;

import java.util.Locale;

/**
 * The keys of what the server tells the planners, each with how many arguments its sentence takes: the code names a
 * sentence by its constant, never by a string, and the bundle ({@link Words}) has the words, in one file per language.
 * The bundle's key is the constant's name in lower case with dots ({@code WHY_SOFT_GOALS}: {@code why.soft.goals}).
 * The page's own texts ({@code page.*}) are keys of the same bundle that only the page's scripts use.
 */
public enum Text {
    // The rules, by the solver's constraints.
    RULE_ORDER(0), RULE_SITTING_DAY(0), RULE_AFTER_FORECAST(0), RULE_WORKING_DAY(0), RULE_WINDOW(0),
    RULE_DOUBLE_BOOKED(0), RULE_OFFICE_HOURS(0), RULE_FIXED(0), RULE_EVEN_WORKLOAD(0), RULE_BUFFER(0), RULE_BASELINE(0),
    RULE_MEETING_TIME(0),
    // The processes.
    PROCESS_P(0), PROCESS_B(0), PROCESS_I(0), PROCESS_IK(0), PROCESS_U(0),
    // Days off the calendar names in English (the holidays it names in Swedish).
    DAY_OFF_SATURDAY(0), DAY_OFF_SUNDAY(0),
    // A name or a text kept as it is (a holiday, a dataset, a note an earlier release wrote).
    VERBATIM(1),
    // Counts.
    COUNT_ACTIVITIES(1), COUNT_WORKING_DAYS(1), COUNT_CALENDAR_DAYS(1), COUNT_MOVED_ACTIVITIES(1),
    // A score: no hard rule broken, or some.
    SCORE_KEPT(1), SCORE_BROKEN(2),
    // What a broken rule says (the solver's justifications).
    ACTIVITY_AT(3), ACTIVITY_AT_TIME(5), WITH_REASON(1),
    FINDING_LAG_MISSED(5), FINDING_NOT_A_SITTING_DAY(2), FINDING_NOT_A_WORKING_DAY(2), FINDING_BEFORE_EARLIEST(4),
    FINDING_AFTER_LATEST(4), FINDING_DOUBLE_BOOKED(2), FINDING_OUTSIDE_OFFICE_HOURS(2), FINDING_PINNED_MOVED(2),
    FINDING_EXTERNAL_MOVED(2), FINDING_WEEK_LOAD(3), FINDING_WEAK_WEEK_LOAD(3), FINDING_BUFFER_MISSED(4),
    FINDING_MOVED_FROM_BASELINE(3), FINDING_MEETING_TIME_MOVED(3),
    // The changes a planner makes, and advice that takes one back.
    CHANGE_MOVE_SITTING(3), CHANGE_CANCEL_SITTING(2), CHANGE_ADD_SITTING(2), CHANGE_MOVE_FORECAST(2), CHANGE_PIN(2),
    CHANGE_UNPIN(1), CHANGE_TAKEN_BACK(1),
    // Why an activity moved.
    WHY_CHANGE(1), WHY_BODY_NO_LONGER_SITS(3), WHY_CHAIN_WINDOW(3), WHY_KEEPS_ORDER(2), WHY_SOFT_GOALS(0),
    WHY_NOT_A_WORKING_DAY(3), WHY_BODIES_DO_NOT_SIT(3), WHY_OUTSIDE_WINDOW(4), WHY_ANOTHER_TIME(0), WHY_MADE_ROOM(1),
    WHY_SINCE_PUBLISHED(1),
    // Why a change cannot be made.
    INVALID_NO_FORECAST(1), INVALID_BODIES_DO_NOT_SIT(3), INVALID_OUTSIDE_WINDOW(4), INVALID_NOT_PINNED(1),
    INVALID_UNPIN_PAST(3), INVALID_ALREADY_SITS(2), INVALID_MOVE_ONTO_SITTING(2), INVALID_UNKNOWN_BODY(2),
    INVALID_NO_ACTIVITY(1), INVALID_DOES_NOT_SIT(2), INVALID_PAST(2), INVALID_OUTSIDE_HORIZON(3),
    INVALID_NOT_A_WORKING_DAY(2),
    // A broken rule and what it says; a scenario's version; a publication.
    RULE_SAYS(2), SCENARIO(1), SCENARIO_VERSION(2), PUBLISHED(1), PUBLISHED_INSTEAD_OF(2),
    // Two calendars compared (the comparison page, and the page's Jämför).
    COMPARISON_TITLE(0), COMPARISON_SIDE(3), COMPARISON_BY_RULE(0), COMPARISON_RULE(0), COMPARISON_A(0), COMPARISON_B(0),
    COMPARISON_DIFFERENCE(0), COMPARISON_ID(0), COMPARISON_ACTIVITY(0), COMPARISON_DAYS(0), COMPARISON_WORKLOAD(0),
    COMPARISON_UNIT(0), COMPARISON_WEEK(0), WEEK_OF_YEAR(3), POINTS(1), POINTS_SIGNED(1),
    // The change notice (after a re-plan or a publication) and its CSV.
    NOTICE_TITLE(0), NOTICE_REPLANNED(1), NOTICE_PUBLISHED(1), NOTICE_CHANGED(0), NOTICE_NOTHING_MOVES(0),
    NOTICE_MOVES(1), NOTICE_ID(0), NOTICE_ACTIVITY(0), NOTICE_FROM(0), NOTICE_TO(0), NOTICE_TIME_FROM(0), NOTICE_TIME_TO(0),
    NOTICE_WHY(0), NOTICE_TELL(0), NOTICE_RECIPIENTS(0), NOTICE_NOT_MET(0), NOTICE_STILL_BROKEN(1), NOTICE_AT_TIME(2),
    NOTICE_NEW(0), NOTICE_NEW_TIME(0), NOTICE_EARLIER(1), NOTICE_LATER(1), NOTICE_BROKEN_RULE(2),
    // What made a version of a scenario (its history).
    EVENT_IMPORTED(1), EVENT_COPIED(2), EVENT_SOLVED(1), EVENT_SOLVED_STOPPED(1), EVENT_REPLANNED(3), EVENT_RESTORED(1),
    // The workspace's answers when it does not do what it was asked.
    ERROR_BUSY(0), ERROR_NOTHING_PUBLISHED(0), ERROR_NO_CHANGE(1), ERROR_EMPTY_CHANGE(0), ERROR_TOO_MANY_CHANGES(1),
    ERROR_PUBLISHED_NOT_DELETED(1), ERROR_NOTHING_TO_UNDO(1), ERROR_STOP_SOLVE_FIRST(1), ERROR_ALREADY_SOLVING(1),
    ERROR_ALREADY_SOLVING_BY(2), ERROR_NO_SCENARIO(1), ERROR_NO_VERSION(2), ERROR_NO_SUCH_VERSION(1),
    ERROR_PARAMETER_MISSING(1), ERROR_NO_SUCH_SCENARIO(2), ERROR_NOT_JSON(0), ERROR_NOT_JSON_AT(1),
    ERROR_NOT_JSON_AT_FIELD(2), ERROR_JSON_NULL(0), ERROR_LOGIN_NOT_JSON(0), ERROR_LOGIN_INCOMPLETE(0),
    ERROR_NEW_USER_INCOMPLETE(0), ERROR_UPLOAD_TOO_LARGE(2), ERROR_UPLOAD_LARGER_THAN(1), ERROR_UPLOAD_NOT_A_FORM(0),
    ERROR_NO_FILE(0), ERROR_NO_FEED(0), ERROR_CONFLICT(3), ERROR_DATABASE(1), ERROR_INTERNAL(1), ERROR_INPUT(1),
    ERROR_INVALID_CHANGE(1), ERROR_TODAY_AFTER_HORIZON(2),
    ERROR_NOT_AN_EVENT_STREAM(0), ERROR_SOLVE_FAILED(0), ERROR_SOLVE_NOT_QUEUED(0),
    // Who may do what, and logins.
    ERROR_LOG_IN_OR_TOKEN(0), ERROR_ROLE(3), ERROR_TOKEN_INVALID(0), ERROR_TOO_MANY_LOGINS(1), ERROR_WRONG_LOGIN(0),
    ERROR_NO_CSRF_TOKEN(1), ERROR_LOG_IN(0), LOCAL_USER(1), ROLE_VIEWER(0), ROLE_PLANNER(0), ROLE_ADMIN(0),
    USER_NOT_A_ROLE(1), USER_BAD_NAME(1), USER_PASSWORD_LENGTH(2), USER_EXISTS(1), USER_UNKNOWN(1), USER_LAST_ADMIN(1),
    LOGIN_REFUSED_TITLE(0), LOGIN_REFUSED_BACK(0), LOGIN_NO_ROLE(0), LOGIN_INTERRUPTED(0), LOGIN_DENIED(0),
    LOGIN_NOT_CONFIRMED(0), LOGIN_UNREACHABLE(0);

    private final int arguments;

    Text(int arguments) {
        this.arguments = arguments;
    }

    /** The key in the bundle. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** How many arguments the sentence takes ({0} .. {n-1}). */
    public int arguments() {
        return arguments;
    }
}
