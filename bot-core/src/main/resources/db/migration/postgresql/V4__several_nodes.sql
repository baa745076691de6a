-- qunguan schema V4, PostgreSQL flavour. Keep in step with ../sqlite/V4__several_nodes.sql.
-- What lets several nodes share one database: delivery claims, timers in the database, welcome state.
-- Instants are epoch milliseconds.

-- A delivery is 'claimed' by the node handling it until lease_until, then 'done'. A claim whose lease
-- ran out (its node died) may be taken over. Rows written before V4 were all handled.
ALTER TABLE processed_delivery ADD COLUMN state TEXT NOT NULL DEFAULT 'done';
ALTER TABLE processed_delivery ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE processed_delivery ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;

-- One pending wake-up per chat and purpose. A node firing it marks it claimed (claimed_by is unique per
-- claim) until claimed_until and deletes it once handled; an expired claim is fired again elsewhere.
CREATE TABLE scheduled_timer (
    platform      TEXT    NOT NULL,
    chat_id       TEXT    NOT NULL,
    purpose       TEXT    NOT NULL,
    due_at        BIGINT  NOT NULL,
    claimed_by    TEXT,
    claimed_until BIGINT,
    PRIMARY KEY (platform, chat_id, purpose)
);
CREATE INDEX scheduled_timer_by_due ON scheduled_timer (due_at);

-- Per chat: when newcomers were last greeted (NULL: never). Every change of a chat's welcome state
-- first bumps version, which locks the row and orders the waiting members.
CREATE TABLE welcome_chat (
    platform         TEXT    NOT NULL,
    chat_id          TEXT    NOT NULL,
    last_greeting_at BIGINT,
    version          BIGINT  NOT NULL,
    PRIMARY KEY (platform, chat_id)
);

-- Members who joined within the merge window and wait for the merged greeting.
CREATE TABLE welcome_waiting (
    platform     TEXT    NOT NULL,
    chat_id      TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    joined_order BIGINT  NOT NULL,
    PRIMARY KEY (platform, chat_id, user_id)
);
