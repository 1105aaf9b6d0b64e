-- Updates received but not yet handled. Telegram forgets an update once the next poll confirms it,
-- which happens before its turn is done; keeping it here first means a crash cannot drop it.
CREATE TABLE inbox (
    update_id   BIGINT  PRIMARY KEY,
    learner_id  BIGINT  NOT NULL,
    chat_id     BIGINT  NOT NULL,
    input       TEXT    NOT NULL,
    received_at BIGINT  NOT NULL
);
