-- qunguan schema V5, PostgreSQL flavour. Keep in step with ../sqlite/V5__redelivery_keys.sql.
-- Effects keyed by the event that caused them. A node may die after an event's effects were committed
-- but before its delivery was completed; the platform then redelivers it to another node, which handles
-- it again. These keys make that second handling find the first one's effects instead of adding more.

-- Joins already admitted to a chat's greeting (kept for two days, pruned as joins arrive), and whether
-- the member was to be greeted at once (1) or to wait for the merged greeting (0).
CREATE TABLE welcome_join (
    platform        TEXT    NOT NULL,
    chat_id         TEXT    NOT NULL,
    join_key        TEXT    NOT NULL,
    greeted_at_once INTEGER NOT NULL,
    admitted_at     BIGINT  NOT NULL,
    PRIMARY KEY (platform, chat_id, join_key)
);

-- The event a warning was issued for; NULL for warnings stored before V5. Unique per member, so one
-- message or one /warn never counts twice.
ALTER TABLE warning ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX warning_by_source ON warning (platform, chat_id, user_id, source_key);
