-- The learner's recent lines and the tutor's, so the LLM voice remembers a conversation across
-- restarts. Only the latest lines of each learner are kept (the store prunes in the same transaction).
-- Portable SQL, as in V1. Times are epoch milliseconds.

CREATE TABLE transcript_line (
    id         INTEGER     PRIMARY KEY,
    learner_id BIGINT      NOT NULL REFERENCES learner (id),
    at         BIGINT      NOT NULL,
    role       VARCHAR(10) NOT NULL,
    text       TEXT        NOT NULL
);
CREATE INDEX transcript_line_by_learner ON transcript_line (learner_id, id);
