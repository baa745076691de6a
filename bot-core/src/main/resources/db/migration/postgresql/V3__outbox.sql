-- qunguan schema V3, PostgreSQL flavour. Keep in step with ../sqlite/V3__outbox.sql.
-- Instants are epoch milliseconds.

-- Actions on their way to a platform. A row is written before the webhook that caused it is
-- acknowledged and deleted once the platform accepted it, so neither an outage nor a restart loses it.
-- action is the action as JSON (its chat is in platform/chat_id). A row is claimed by one node at a
-- time (claimed_by, until lease_until); rows of one chat go out in id order. dead_at marks a row given
-- up on (permanently refused, too old or out of attempts); it stays for inspection and is never sent.
CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform        TEXT    NOT NULL,
    chat_id         TEXT    NOT NULL,
    action          TEXT    NOT NULL,
    enqueued_at     BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    last_error      TEXT,
    claimed_by      TEXT,
    lease_until     BIGINT  NOT NULL,
    dead_at         BIGINT
);
CREATE INDEX outbox_by_chat ON outbox (platform, chat_id, id);
CREATE INDEX outbox_due ON outbox (platform, next_attempt_at);
