-- Solves are jobs in the database, so that any server of it can run one and any can show or stop it.
-- db-scheduler's own table (its documented schema, with VARCHAR keys, which H2 can index as well as PostgreSQL):
-- a job waiting or running, who picked it and its heartbeat; a job whose server stops beating is picked up again.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(200) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- A scenario's latest solve as every server reads it: waiting, running (on which server) or ended; its best
-- score so far; and whether a planner asked it to stop.
CREATE TABLE solve_job (
    scenario_id    BIGINT       NOT NULL PRIMARY KEY REFERENCES scenario (id) ON DELETE CASCADE,
    task           VARCHAR(200) NOT NULL,
    based_on       INTEGER      NOT NULL,
    requested_by   VARCHAR(200),
    status         VARCHAR(16)  NOT NULL,
    node           VARCHAR(200),
    best_score     VARCHAR(64),
    millis         BIGINT       NOT NULL,
    error          VARCHAR(4000),
    stop_requested BOOLEAN      NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
