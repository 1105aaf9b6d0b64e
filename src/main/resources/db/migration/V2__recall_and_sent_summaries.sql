-- Spaced repetition and the weekly summary. Portable SQL, as in V1.

-- A learner's review side (cards, the open quiz, the summary schedule) as JSON, in the same row as
-- the state so that one turn updates both under the same version. NULL: never reviewed, defaults.
ALTER TABLE learner_state ADD COLUMN recall TEXT;

-- One row per learner and week whose summary went into the outbox, inserted in the same transaction
-- as the outbox row: the primary key is what makes the summary exactly-once across restarts and
-- concurrent senders (the bot's scheduler and a `digest` run).
CREATE TABLE sent_summary (
    learner_id BIGINT      NOT NULL REFERENCES learner (id),
    week_start VARCHAR(10) NOT NULL, -- ISO date of the Monday starting the week, in the learner's zone
    due_at     BIGINT      NOT NULL,
    sent_at    BIGINT      NOT NULL,
    PRIMARY KEY (learner_id, week_start)
);
