-- qunguan schema, PostgreSQL flavour. Keep in step with ../sqlite/V1__initial_schema.sql:
-- same tables, columns and keys; only column types and id generation differ.
-- Instants are epoch milliseconds; dates are ISO text (YYYY-MM-DD), which sorts like the date.

-- One row per member, theme ('' for the plain check-in) and day; the key makes a repeat a no-op.
CREATE TABLE check_in (
    platform      TEXT    NOT NULL,
    chat_id       TEXT    NOT NULL,
    theme         TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    day           TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    checked_in_at BIGINT  NOT NULL,
    day_order     INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id, theme, user_id, day)
);

-- How many check-ins a chat's theme has had each day; hands out each check-in's place in the day.
CREATE TABLE check_in_day (
    platform  TEXT    NOT NULL,
    chat_id   TEXT    NOT NULL,
    theme     TEXT    NOT NULL,
    day       TEXT    NOT NULL,
    check_ins INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id, theme, day)
);

-- Running summary per member and theme, so streaks and leaderboards never scan the history.
CREATE TABLE check_in_tally (
    platform     TEXT    NOT NULL,
    chat_id      TEXT    NOT NULL,
    theme        TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    last_day     TEXT    NOT NULL,
    last_at      BIGINT  NOT NULL,
    streak       INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id, theme, user_id)
);

CREATE TABLE warning (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform  TEXT    NOT NULL,
    chat_id   TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    reason    TEXT    NOT NULL,
    issued_by TEXT    NOT NULL,
    issued_at BIGINT  NOT NULL
);
CREATE INDEX warning_by_member ON warning (platform, chat_id, user_id, issued_at);

CREATE TABLE faq_entry (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform TEXT    NOT NULL,
    chat_id  TEXT    NOT NULL,
    question TEXT    NOT NULL,
    answer   TEXT    NOT NULL
);
CREATE INDEX faq_entry_by_chat ON faq_entry (platform, chat_id);

CREATE TABLE faq_phrasing (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id BIGINT  NOT NULL REFERENCES faq_entry (id) ON DELETE CASCADE,
    phrasing TEXT    NOT NULL
);
CREATE INDEX faq_phrasing_by_entry ON faq_phrasing (entry_id);

CREATE TABLE script_override (
    platform   TEXT NOT NULL,
    chat_id    TEXT NOT NULL,
    script_key TEXT NOT NULL,
    template   TEXT NOT NULL,
    PRIMARY KEY (platform, chat_id, script_key)
);

-- Deliveries already handled. Rows only matter for as long as a platform may redeliver,
-- so old ones can be pruned by processed_at.
CREATE TABLE processed_delivery (
    delivery_key TEXT    NOT NULL PRIMARY KEY,
    processed_at BIGINT  NOT NULL
);
CREATE INDEX processed_delivery_by_time ON processed_delivery (processed_at);

CREATE TABLE chat_mark (
    platform  TEXT    NOT NULL,
    chat_id   TEXT    NOT NULL,
    mark      TEXT    NOT NULL,
    marked_at BIGINT  NOT NULL,
    PRIMARY KEY (platform, chat_id, mark)
);
