package dev.qunguan.outbound;

import dev.qunguan.action.Action;
import dev.qunguan.store.OutboxRow;
import java.util.List;
import java.util.Objects;

/**
 * One action for a chat's lane and the outbox rows it stands for: one row, several when held messages
 * were merged into one, none when the sender keeps nothing on disk.
 */
record Parcel(Action action, List<OutboxRow> rows) {
    Parcel {
        Objects.requireNonNull(action, "action");
        rows = List.copyOf(rows);
    }

    static Parcel unstored(Action action) {
        return new Parcel(action, List.of());
    }

    static Parcel of(OutboxRow row) {
        return new Parcel(row.action(), List.of(row));
    }
}
