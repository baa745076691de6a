-- qunguan schema V2, SQLite flavour. Keep in step with ../postgresql/V2__classifier_and_faq_learning.sql.
-- Instants are epoch milliseconds.

-- Per chat and member: when the bot first saw them speak and how many of their messages since the
-- last violation were clean. Members with a clean history get a more lenient moderation threshold.
CREATE TABLE member_history (
    platform       TEXT    NOT NULL,
    chat_id        TEXT    NOT NULL,
    user_id        TEXT    NOT NULL,
    first_seen_at  INTEGER NOT NULL,
    clean_messages INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id, user_id)
);

-- Admins' corrections (/ad, /notad): labelled per group, replayed into the example memory at start
-- and exported for retraining. label is the wire name (ad, abuse, question, normal).
CREATE TABLE labelled_example (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT    NOT NULL,
    chat_id  TEXT    NOT NULL,
    text     TEXT    NOT NULL,
    label    TEXT    NOT NULL,
    added_by TEXT    NOT NULL,
    added_at INTEGER NOT NULL
);
CREATE INDEX labelled_example_by_chat ON labelled_example (platform, chat_id);

-- Questions no FAQ entry answered, newest kept per group, for /unanswered and /faq learn.
CREATE TABLE unanswered_question (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    platform    TEXT    NOT NULL,
    chat_id     TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    asker_id    TEXT    NOT NULL,
    asker_name  TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    asked_at    INTEGER NOT NULL
);
CREATE INDEX unanswered_question_by_chat ON unanswered_question (platform, chat_id, id);

-- How often each FAQ entry was asked and when it was last answered in full (for the cooldown).
-- entry_key names store entries by id and script-file entries by question, so both are counted.
CREATE TABLE faq_hit (
    platform         TEXT    NOT NULL,
    chat_id          TEXT    NOT NULL,
    entry_key        TEXT    NOT NULL,
    hits             INTEGER NOT NULL,
    last_answered_at INTEGER,
    PRIMARY KEY (platform, chat_id, entry_key)
);
