package se.rjh.tidplan.workspace;

import javax.sql.DataSource;

import se.rjh.tidplan.workspace.store.ScenarioStore;

/**
 * The planners' workspace: scenarios kept in the {@link ScenarioStore}, and what a planner does with them, each part
 * with one job and all through the same {@code planning} services as the command line. Plain typed records in and
 * out; the web front end is a thin layer over these parts.
 */
public record Workspace(Scenarios scenarios, CalendarViews calendars, Solves solves, Replans replans, Edits edits,
        NextYear nextYear, Feeds feeds, Publications publications, ScenarioStore store) implements AutoCloseable {

    /** How long a re-plan waits for a free core before it is refused as busy. */
    static final int BUSY_WAIT_SECONDS = 10;

    /**
     * The workspace on a database, its schema brought up to date, its jobs sharing every core of the machine; the
     * region's calendar is the first scenario.
     */
    public static Workspace open(DataSource database) {
        return open(database, new Cores(Runtime.getRuntime().availableProcessors(), BUSY_WAIT_SECONDS));
    }

    /** With the jobs on {@code cores}. */
    static Workspace open(DataSource database, Cores cores) {
        ScenarioStore store = ScenarioStore.open(database);
        Versions versions = new Versions(store);
        Solves solves = new Solves(versions, cores, database);
        Scenarios scenarios = new Scenarios(versions, solves);
        scenarios.createFirst();
        CalendarViews calendars = new CalendarViews(versions, scenarios);
        return new Workspace(scenarios, calendars, solves, new Replans(versions, scenarios, cores),
                new Edits(versions, scenarios), new NextYear(versions, scenarios), new Feeds(versions, calendars),
                new Publications(versions, calendars), store);
    }

    /** Whether the scenarios' database answers now. */
    public boolean databaseReachable() {
        return store.reachable();
    }

    /** Shuts down: running solves are stopped and their best calendars saved before the database closes. */
    @Override
    public void close() {
        solves.close();
    }
}
