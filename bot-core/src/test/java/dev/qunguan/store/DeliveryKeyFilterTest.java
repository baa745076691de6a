package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class DeliveryKeyFilterTest {

    @Test
    void neverCallsAnAddedKeyAbsent() {
        DeliveryKeyFilter filter = DeliveryKeyFilter.forKeys(200_000);
        for (int i = 0; i < 200_000; i++) {
            filter.add("onebot:734001:" + i);
        }

        int missing = 0;
        for (int i = 0; i < 200_000; i++) {
            missing += filter.mightContain("onebot:734001:" + i) ? 0 : 1;
        }

        assertThat(missing).isZero();
    }

    @Test
    void callsNearlyEveryKeyNeverAddedAbsentWhileWithinItsSize() {
        DeliveryKeyFilter filter = DeliveryKeyFilter.forKeys(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            filter.add("onebot:" + i);
        }

        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            falsePositives += filter.mightContain("telegram:" + i) ? 1 : 0;
        }

        // ten bits and seven probes per key: about 0.8 % in theory
        assertThat(falsePositives).isLessThan(1_500);
    }

    @Test
    void anEmptyFilterCallsEveryKeyAbsent() {
        DeliveryKeyFilter filter = DeliveryKeyFilter.forKeys(0);

        assertThat(filter.mightContain("onebot:1")).isFalse();
        assertThat(filter.mightContain("")).isFalse();
    }
}
