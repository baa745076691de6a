package dev.qunguan.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ActionThresholdsTest {
    private final ActionThresholds thresholds = new ActionThresholds(0.8, 0.9);

    @Test
    void anAdNeedsOnlyTheAdThreshold() {
        assertThat(thresholds.violation(0.85, 0.0)).isEqualTo(Label.AD);
        assertThat(thresholds.violation(0.0, 0.85)).isNull();
    }

    @Test
    void abuseNeedsTheAbuseThreshold() {
        assertThat(thresholds.violation(0.0, 0.9)).isEqualTo(Label.ABUSE);
        assertThat(thresholds.violation(0.79, 0.89)).isNull();
    }

    @Test
    void whenBothClearTheLikelierIsTheViolation() {
        ActionThresholds low = ActionThresholds.uniform(0.3);

        assertThat(low.violation(0.45, 0.55)).isEqualTo(Label.ABUSE);
        assertThat(low.violation(0.55, 0.45)).isEqualTo(Label.AD);
    }

    @Test
    void orStricterActsWheneverEitherWould() {
        ActionThresholds combined = thresholds.orStricter(new ActionThresholds(0.9, 0.7));

        assertThat(combined).isEqualTo(new ActionThresholds(0.8, 0.7));
    }

    @Test
    void namesTheThresholdOfEachViolationAndRefusesOtherLabels() {
        assertThat(thresholds.of(Label.AD)).isEqualTo(0.8);
        assertThat(thresholds.of(Label.ABUSE)).isEqualTo(0.9);
        assertThatThrownBy(() -> thresholds.of(Label.QUESTION)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesThresholdsOutsideZeroToOne() {
        assertThatThrownBy(() -> new ActionThresholds(0.0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActionThresholds(0.5, 1.01)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sensitivitiesActOnAdsBeforeAbuse() {
        for (Sensitivity sensitivity : Sensitivity.values()) {
            assertThat(sensitivity.thresholds().ad()).isLessThan(sensitivity.thresholds().abuse());
        }
    }
}
