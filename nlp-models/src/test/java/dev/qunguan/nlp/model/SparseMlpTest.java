package dev.qunguan.nlp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.qunguan.classify.Label;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SparseMlpTest {

    private static final SparseMlpTrainer.Settings SMALL = new SparseMlpTrainer.Settings(10, 8, 16, 60, 0.05, 0.0, 7L);
    private static final List<String[]> PROBES = List.of(new String[] {"bias", "x"}, new String[] {"bias", "y"},
            new String[] {"bias", "x", "y"}, new String[] {"bias"}, new String[] {"unseen"});

    /** Either cue alone means ad, both together mean normal: no weighted sum of the cues can say that. */
    private static List<Example> exclusiveOr() {
        List<Example> examples = new ArrayList<>();
        for (int copy = 0; copy < 25; copy++) {
            examples.add(new Example(new String[] {"bias", "x"}, Label.AD));
            examples.add(new Example(new String[] {"bias", "y"}, Label.AD));
            examples.add(new Example(new String[] {"bias", "x", "y"}, Label.NORMAL));
            examples.add(new Example(new String[] {"bias"}, Label.NORMAL));
        }
        return examples;
    }

    @Test
    void learnsALabelThatDependsOnTwoFeaturesTogether() {
        SparseMlp model = SparseMlpTrainer.train(exclusiveOr(), SMALL);

        assertThat(winner(model, "bias", "x")).isEqualTo(Label.AD);
        assertThat(winner(model, "bias", "y")).isEqualTo(Label.AD);
        assertThat(winner(model, "bias", "x", "y")).isEqualTo(Label.NORMAL);
        assertThat(winner(model, "bias")).isEqualTo(Label.NORMAL);
    }

    @Test
    void trainsTheSameWeightsFromTheSameSeed() {
        SparseMlpTrainer.Settings dropping = new SparseMlpTrainer.Settings(10, 8, 16, 5, 0.05, 0.5, 7L);

        double[] first = SparseMlpTrainer.train(exclusiveOr(), dropping).logits(PROBES.get(0));
        double[] second = SparseMlpTrainer.train(exclusiveOr(), dropping).logits(PROBES.get(0));

        assertThat(second).containsExactly(first);
    }

    @Test
    void scoresWithByteRowsWithinAHundredthOfTheFloatNetworkItWasRoundedFrom() {
        SparseMlpTrainer trained = SparseMlpTrainer.fit(exclusiveOr(), SMALL);
        SparseMlp bytes = trained.quantised();

        for (String[] features : PROBES) {
            double[] reference = SparseMlp.softmax(trained.logits(features));
            double[] scored = bytes.probabilities(features);
            for (Label label : Label.values()) {
                assertThat(scored[label.ordinal()]).as(String.join(" ", features) + " " + label)
                        .isCloseTo(reference[label.ordinal()], within(0.01));
            }
        }
    }

    @Test
    void readsBackTheModelItWroteScoringExactlyTheSame() throws IOException {
        SparseMlp model = SparseMlpTrainer.train(exclusiveOr(), SMALL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.writeTo(out);
        }

        SparseMlp read = SparseMlp.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(bytes.size()).as("file bytes: 1,024 row scales, 1,024 × 8 row bytes and the dense layers")
                .isLessThan(4 * 1024 + 1024 * 8 + 4 * (16 + 16 * 8 + 4 + 4 * 16) + 64);
        for (String[] features : PROBES) {
            assertThat(read.logits(features)).containsExactly(model.logits(features));
        }
    }

    @Test
    void scoresTheSameFromAReusedScratchAsFromFeatureStrings() {
        SparseMlp model = SparseMlpTrainer.train(exclusiveOr(), SMALL);
        SparseMlp.Scratch scratch = model.newScratch();
        model.addTo(FeatureHash.of("unseen"), scratch.bag);
        model.logits(scratch);

        scratch.clear();
        model.addTo(FeatureHash.of("bias"), scratch.bag);
        model.addTo(FeatureHash.of("y"), scratch.bag);

        assertThat(model.logits(scratch)).containsExactly(model.logits(new String[] {"bias", "y"}));
    }

    @Test
    void addsNothingForAFeatureNoTrainingLineHad() {
        SparseMlp model = SparseMlpTrainer.train(exclusiveOr(), SMALL);
        SparseMlp.Scratch scratch = model.newScratch();

        model.addTo(FeatureHash.of("never-seen-in-training"), scratch.bag);

        assertThat(scratch.bag).containsOnly(0f);
    }

    private static Label winner(SparseMlp model, String... features) {
        double[] probabilities = model.probabilities(features);
        Label best = Label.NORMAL;
        for (Label label : Label.values()) {
            if (probabilities[label.ordinal()] > probabilities[best.ordinal()]) {
                best = label;
            }
        }
        return best;
    }
}
