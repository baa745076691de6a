package dev.qunguan.slots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qunguan.event.ChatRef;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ChatSlotsTest {
    private static final ChatRef CHAT = ChatRef.of("onebot", "734001");

    @Test
    void aClaimedMemberIsFoundInTheSameSlot() {
        ChatSlots slots = ChatSlots.holding(64);
        long key = ChatSlots.keyOf(CHAT, "55502");

        int claimed = slots.claim(key);

        assertThat(claimed).isNegative();
        assertThat(slots.find(key)).isEqualTo(~claimed);
        assertThat(slots.claim(key)).isEqualTo(~claimed);
    }

    @Test
    void anUnknownMemberIsNotFound() {
        ChatSlots slots = ChatSlots.holding(64);
        slots.claim(ChatSlots.keyOf(CHAT, "55502"));

        assertThat(slots.find(ChatSlots.keyOf(CHAT, "55503"))).isEqualTo(-1);
    }

    @Test
    void keysTellApartMembersWhoseIdsOnlyShiftBetweenChatAndUser() {
        Set<Long> keys = new HashSet<>();
        keys.add(ChatSlots.keyOf(ChatRef.of("onebot", "12"), "3"));
        keys.add(ChatSlots.keyOf(ChatRef.of("onebot", "1"), "23"));
        keys.add(ChatSlots.keyOf(ChatRef.of("onebo", "t1"), "23"));
        keys.add(ChatSlots.keyOf(ChatRef.of("telegram", "12"), "3"));

        assertThat(keys).hasSize(4).doesNotContain(0L);
    }

    @Test
    void keysOfAHundredThousandMembersAreDistinct() {
        Set<Long> keys = new HashSet<>();
        for (int chat = 0; chat < 500; chat++) {
            ChatRef ref = ChatRef.of("onebot", Integer.toString(734_000 + chat));
            for (int user = 0; user < 200; user++) {
                keys.add(ChatSlots.keyOf(ref, Integer.toString(55_000 + user)));
            }
        }

        assertThat(keys).hasSize(100_000);
    }

    @Test
    void aFullTableKeepsItsBoundAndTheMembersUsedSinceTheLastEviction() {
        ChatSlots slots = ChatSlots.holding(ChatSlots.WAYS); // one set
        long[] members = new long[ChatSlots.WAYS];
        for (int i = 0; i < members.length; i++) {
            members[i] = ChatSlots.keyOf(CHAT, "member-" + i);
            slots.claim(members[i]);
        }
        long newcomer = ChatSlots.keyOf(CHAT, "newcomer");
        slots.claim(newcomer); // the hand clears every reference bit and takes the first slot
        for (int i = 2; i < members.length; i++) {
            slots.find(members[i]); // used again since
        }

        slots.claim(ChatSlots.keyOf(CHAT, "late"));

        assertThat(slots.find(newcomer)).isNotNegative();
        assertThat(slots.find(members[1])).as("the one member not used since").isEqualTo(-1);
        for (int i = 2; i < members.length; i++) {
            assertThat(slots.find(members[i])).isNotNegative();
        }
        assertThat(slots.capacity()).isEqualTo(ChatSlots.WAYS);
    }

    @Test
    void keysClaimedOneAfterAnotherAreForgottenOldestFirst() {
        ChatSlots slots = ChatSlots.holding(ChatSlots.WAYS); // one set
        long[] messages = new long[3 * ChatSlots.WAYS];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = ChatSlots.keyOf(CHAT, "message-" + i);
            slots.claim(messages[i]);
        }

        for (int i = 0; i < messages.length; i++) {
            boolean latest = i >= messages.length - ChatSlots.WAYS;
            assertThat(slots.find(messages[i]) >= 0).as("message " + i + " held").isEqualTo(latest);
        }
    }

    @Test
    void capacityIsRoundedUpToWholeSetsOfAPowerOfTwo() {
        assertThat(ChatSlots.holding(1).capacity()).isEqualTo(ChatSlots.WAYS);
        assertThat(ChatSlots.holding(100_000).capacity()).isEqualTo(131_072);
        assertThat(ChatSlots.holding(65_536).capacity()).isEqualTo(65_536);
        assertThatThrownBy(() -> ChatSlots.holding(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
