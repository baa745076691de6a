package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One counter row per chat and entry key. */
final class JdbcFaqHitStore implements FaqHitStore {
    private static final String HIT = """
            INSERT INTO faq_hit (platform, chat_id, entry_key, hits, last_answered_at)
            VALUES (?, ?, ?, 1, ?)
            ON CONFLICT (platform, chat_id, entry_key)
            DO UPDATE SET hits = faq_hit.hits + 1,
                last_answered_at = COALESCE(excluded.last_answered_at, faq_hit.last_answered_at)""";
    private static final String LAST_ANSWERED = """
            SELECT last_answered_at FROM faq_hit WHERE platform = ? AND chat_id = ? AND entry_key = ?""";
    private static final String HITS = "SELECT entry_key, hits FROM faq_hit WHERE platform = ? AND chat_id = ?";

    private final Transactions transactions;

    private JdbcFaqHitStore(Transactions transactions) {
        this.transactions = transactions;
    }

    static JdbcFaqHitStore create(Transactions transactions) {
        return new JdbcFaqHitStore(transactions);
    }

    @Override
    public void recordHit(ChatRef chat, String entryKey, Instant at, boolean answered) {
        transactions.write("record FAQ hit", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(HIT)) {
                upsert.setString(1, chat.platform());
                upsert.setString(2, chat.chatId());
                upsert.setString(3, entryKey);
                if (answered) {
                    upsert.setLong(4, at.toEpochMilli());
                } else {
                    upsert.setNull(4, Types.BIGINT);
                }
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> lastAnswered(ChatRef chat, String entryKey) {
        return transactions.read("last FAQ answer", connection -> {
            try (PreparedStatement select = connection.prepareStatement(LAST_ANSWERED)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                select.setString(3, entryKey);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    long millis = row.getLong(1);
                    return row.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(millis));
                }
            }
        });
    }

    @Override
    public Map<String, Long> hits(ChatRef chat) {
        return transactions.read("FAQ hits", connection -> {
            try (PreparedStatement select = connection.prepareStatement(HITS)) {
                select.setString(1, chat.platform());
                select.setString(2, chat.chatId());
                Map<String, Long> hits = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hits.put(rows.getString(1), rows.getLong(2));
                    }
                }
                return Map.copyOf(hits);
            }
        });
    }
}
