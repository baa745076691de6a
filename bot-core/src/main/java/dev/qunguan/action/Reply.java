package dev.qunguan.action;

import java.util.ArrayList;
import java.util.List;

/** What a handler decided: zero or more actions, carried out in order. */
public record Reply(List<Action> actions) {
    private static final Reply NONE = new Reply(List.of());

    public Reply {
        actions = List.copyOf(actions);
    }

    public static Reply none() {
        return NONE;
    }

    public static Reply of(Action... actions) {
        return new Reply(List.of(actions));
    }

    public Reply and(Reply other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Action> all = new ArrayList<>(actions);
        all.addAll(other.actions);
        return new Reply(all);
    }

    public Reply and(Action action) {
        return and(Reply.of(action));
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }
}
