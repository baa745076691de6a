package dev.qunguan.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ChatRefTest {
    private record MemberKey(ChatRef chat, String userId) {}

    @Test
    void equalChatsAreEqualAndHashAlike() {
        assertThat(ChatRef.of("onebot", "734001")).isEqualTo(ChatRef.of("onebot", "734001"))
                .hasSameHashCodeAs(ChatRef.of("onebot", "734001"));
        assertThat(ChatRef.of("onebot", "734001")).isNotEqualTo(ChatRef.of("telegram", "734001"))
                .isNotEqualTo(ChatRef.of("onebot", "734002"));
    }

    @Test
    void keysPairingNeighbouringNumericChatsWithNeighbouringMemberIdsHashApart() {
        Set<Integer> hashes = new HashSet<>();
        int keys = 0;
        for (int chat = 0; chat < 500; chat++) {
            for (int member = 0; member < 200; member++) {
                hashes.add(new MemberKey(ChatRef.of("onebot", String.valueOf(734_000 + chat)),
                        String.valueOf(55_000 + member)).hashCode());
                keys++;
            }
        }
        // the record default over a digit-string hash gave about 16,000 distinct values for these 100,000 keys
        assertThat(hashes.size()).isGreaterThan(keys * 99 / 100);
    }

    @Test
    void namingAChatAgainGivesTheInstanceAlreadyInUse() {
        ChatRef first = ChatRef.of("onebot", "918273");

        assertThat(ChatRef.of("onebot", new String("918273".toCharArray()))).isSameAs(first);
        assertThat(ChatRef.of("telegram", "918273")).isNotSameAs(first).isNotEqualTo(first);
        assertThat(ChatRef.of("onebot", "918274")).isNotEqualTo(first);
    }
}
