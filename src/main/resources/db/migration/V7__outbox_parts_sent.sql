-- A long message goes out as several Telegram messages; when one of them fails (a 429, say),
-- the retry starts after the parts already delivered instead of sending them twice.
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
