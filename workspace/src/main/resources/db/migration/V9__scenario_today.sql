-- A scenario's own "today": what lies before it has happened, and no solve, re-plan or advice moves it.
-- Until a planner sets it, nothing is frozen.
ALTER TABLE scenario ADD COLUMN today DATE;
