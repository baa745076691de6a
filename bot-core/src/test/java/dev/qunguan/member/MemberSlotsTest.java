package dev.qunguan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qunguan.event.ChatRef;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class MemberSlotsTest {
    private static final ChatRef CHAT = ChatRef.of("onebot", "734001");

    @Test
    void aClaimedMemberIsFoundInTheSameSlot() {
        MemberSlots slots = MemberSlots.holding(64);
        long key = MemberSlots.keyOf(CHAT, "55502");

        int claimed = slots.claim(key);

        assertThat(claimed).isNegative();
        assertThat(slots.find(key)).isEqualTo(~claimed);
        assertThat(slots.claim(key)).isEqualTo(~claimed);
    }

    @Test
    void anUnknownMemberIsNotFound() {
        MemberSlots slots = MemberSlots.holding(64);
        slots.claim(MemberSlots.keyOf(CHAT, "55502"));

        assertThat(slots.find(MemberSlots.keyOf(CHAT, "55503"))).isEqualTo(-1);
    }

    @Test
    void keysTellApartMembersWhoseIdsOnlyShiftBetweenChatAndUser() {
        Set<Long> keys = new HashSet<>();
        keys.add(MemberSlots.keyOf(ChatRef.of("onebot", "12"), "3"));
        keys.add(MemberSlots.keyOf(ChatRef.of("onebot", "1"), "23"));
        keys.add(MemberSlots.keyOf(ChatRef.of("onebo", "t1"), "23"));
        keys.add(MemberSlots.keyOf(ChatRef.of("telegram", "12"), "3"));

        assertThat(keys).hasSize(4).doesNotContain(0L);
    }

    @Test
    void keysOfAHundredThousandMembersAreDistinct() {
        Set<Long> keys = new HashSet<>();
        for (int chat = 0; chat < 500; chat++) {
            ChatRef ref = ChatRef.of("onebot", Integer.toString(734_000 + chat));
            for (int user = 0; user < 200; user++) {
                keys.add(MemberSlots.keyOf(ref, Integer.toString(55_000 + user)));
            }
        }

        assertThat(keys).hasSize(100_000);
    }

    @Test
    void aFullTableKeepsItsBoundAndTheMembersUsedSinceTheLastEviction() {
        MemberSlots slots = MemberSlots.holding(MemberSlots.WAYS); // one set
        long[] members = new long[MemberSlots.WAYS];
        for (int i = 0; i < members.length; i++) {
            members[i] = MemberSlots.keyOf(CHAT, "member-" + i);
            slots.claim(members[i]);
        }
        long newcomer = MemberSlots.keyOf(CHAT, "newcomer");
        slots.claim(newcomer); // clears every reference bit and takes the first slot
        for (int i = 2; i < members.length; i++) {
            slots.find(members[i]); // used again since
        }

        slots.claim(MemberSlots.keyOf(CHAT, "late"));

        assertThat(slots.find(newcomer)).isNotNegative();
        assertThat(slots.find(members[1])).as("the one member not used since").isEqualTo(-1);
        for (int i = 2; i < members.length; i++) {
            assertThat(slots.find(members[i])).isNotNegative();
        }
        assertThat(slots.capacity()).isEqualTo(MemberSlots.WAYS);
    }

    @Test
    void capacityIsRoundedUpToWholeSetsOfAPowerOfTwo() {
        assertThat(MemberSlots.holding(1).capacity()).isEqualTo(MemberSlots.WAYS);
        assertThat(MemberSlots.holding(100_000).capacity()).isEqualTo(131_072);
        assertThat(MemberSlots.holding(65_536).capacity()).isEqualTo(65_536);
        assertThatThrownBy(() -> MemberSlots.holding(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
