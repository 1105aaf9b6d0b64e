-- Portable SQL on purpose (standard types, no SQLite-only functions): a later step runs on PostgreSQL.
-- Times are epoch milliseconds.

CREATE TABLE learner (
    id         BIGINT  PRIMARY KEY,
    chat_id    BIGINT  NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT  NOT NULL
);

CREATE TABLE learner_state (
    learner_id BIGINT  PRIMARY KEY REFERENCES learner (id),
    version    BIGINT  NOT NULL,
    state      TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL
);

-- Append-only history of what happened in each turn.
CREATE TABLE event (
    id         INTEGER PRIMARY KEY,
    learner_id BIGINT       NOT NULL REFERENCES learner (id),
    at         BIGINT       NOT NULL,
    type       VARCHAR(40)  NOT NULL,
    concept_id VARCHAR(120) NOT NULL,
    detail     TEXT         NOT NULL
);
CREATE INDEX event_by_learner ON event (learner_id, at);

-- Messages to send. status: pending -> sending -> sent | failed; a row left in 'sending' by a
-- crash becomes 'unknown' and is never sent again (it may have reached the learner).
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    learner_id BIGINT      NOT NULL REFERENCES learner (id),
    chat_id    BIGINT      NOT NULL,
    payload    TEXT        NOT NULL,
    status     VARCHAR(10) NOT NULL,
    attempts   INTEGER     NOT NULL DEFAULT 0,
    not_before BIGINT      NOT NULL,
    created_at BIGINT      NOT NULL
);
CREATE INDEX outbox_by_status ON outbox (status, id);
CREATE INDEX outbox_by_chat ON outbox (chat_id, id);

CREATE TABLE processed_update (
    update_id  BIGINT PRIMARY KEY,
    learner_id BIGINT NOT NULL REFERENCES learner (id),
    at         BIGINT NOT NULL
);
