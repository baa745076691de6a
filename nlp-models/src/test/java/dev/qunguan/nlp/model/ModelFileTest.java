package dev.qunguan.nlp.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.classify.ActionThresholds;
import dev.qunguan.classify.Label;
import dev.qunguan.classify.Sensitivity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

final class ModelFileTest {

    private static final List<LabelledText> LINES = List.of(
            LabelledText.of("加微信领取返利，日赚三百", Label.AD),
            LabelledText.of("兼职刷单加V信详聊", Label.AD),
            LabelledText.of("你这个傻子滚出去", Label.ABUSE),
            LabelledText.of("脑残闭嘴吧你", Label.ABUSE),
            LabelledText.of("请问明天几点开会？", Label.QUESTION),
            LabelledText.of("有没有人知道怎么报名", Label.QUESTION),
            LabelledText.of("好的收到", Label.NORMAL),
            LabelledText.of("今天天气不错哈哈", Label.NORMAL));
    private static final TrainingOptions OPTIONS = new TrainingOptions(20, 1, 0.1, 0, 1, 3L);
    private static final SparseMlpTrainer.Settings SMALL_MLP = new SparseMlpTrainer.Settings(10, 8, 16, 200, 0.05, 0.0, 7L);

    @Test
    void writesFormatThreeWithTheMlpAndReadsBackIdenticalScores() throws IOException {
        DefaultModelClassifier model = MaxentTrainer.fitBlend(MaxentTrainer.examples(LINES), OPTIONS, SMALL_MLP)
                .withTemperature(1.4);

        byte[] file = bytesOf(model);
        ModelClassifier read = ModelFile.read(new ByteArrayInputStream(file));

        assertThat(formatOf(file)).isEqualTo(3);
        assertThat(read.toString()).contains("MLP");
        assertThat(read.temperature()).isEqualTo(1.4);
        for (LabelledText line : LINES) {
            assertThat(read.classify(line.text()).scores()).as(line.text()).isEqualTo(model.classify(line.text()).scores());
        }
        assertThat(read.classify("没见过的一句话").scores()).isEqualTo(model.classify("没见过的一句话").scores());
    }

    @Test
    void stillReadsAFormatTwoFileHoldingTheCompiledMaxentAlone() throws IOException {
        DefaultModelClassifier maxentOnly = DefaultModelClassifier.of(
                MaxentTrainer.fit(MaxentTrainer.examples(LINES), OPTIONS), 1.2);

        byte[] file = bytesOf(maxentOnly);
        ModelClassifier read = ModelFile.read(new ByteArrayInputStream(file));

        assertThat(formatOf(file)).isEqualTo(2);
        assertThat(read.toString()).doesNotContain("MLP");
        assertThat(read.temperature()).isEqualTo(1.2);
        for (LabelledText line : LINES) {
            assertThat(read.classify(line.text()).scores()).as(line.text()).isEqualTo(maxentOnly.classify(line.text()).scores());
        }
    }

    @Test
    void blendDecidesALineTheMaxentAloneCannot() {
        // Exclusive-or data: no linear model gets far from the base rate on any pattern, the MLP can.
        List<Example> examples = exclusiveOr();
        DefaultModelClassifier blend = MaxentTrainer.fitBlend(examples, OPTIONS, SMALL_MLP);
        String[] eitherCue = {"bias", "x"};
        ActionThresholds threshold = Sensitivity.NORMAL.thresholds();

        Label alone = DefaultModelClassifier.decide(blend.maxentAlone().calibrated(eitherCue), threshold, List.of()).label();
        Label blended = DefaultModelClassifier.decide(blend.calibrated(eitherCue), threshold, List.of()).label();

        assertThat(alone).isEqualTo(Label.NORMAL);
        assertThat(blended).as(Arrays.toString(blend.calibrated(eitherCue)) + " vs "
                + Arrays.toString(blend.maxentAlone().calibrated(eitherCue))).isEqualTo(Label.AD);
    }

    /**
     * Either cue alone means ad, both or neither mean normal; unequal counts, because on perfectly
     * balanced data the maxent's starting point is already its optimum and OpenNLP's line search never ends.
     */
    private static List<Example> exclusiveOr() {
        List<Example> examples = new ArrayList<>();
        for (int copy = 0; copy < 20; copy++) {
            examples.add(new Example(new String[] {"bias", "x"}, Label.AD));
            examples.add(new Example(new String[] {"bias", "y"}, Label.AD));
            examples.add(new Example(new String[] {"bias", "x", "y"}, Label.NORMAL));
            examples.add(new Example(new String[] {"bias"}, Label.NORMAL));
        }
        for (int copy = 0; copy < 7; copy++) {
            examples.add(new Example(new String[] {"bias", "x"}, Label.AD));
            examples.add(new Example(new String[] {"bias"}, Label.NORMAL));
        }
        return examples;
    }

    private static byte[] bytesOf(ModelClassifier model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        return out.toByteArray();
    }

    private static int formatOf(byte[] file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(file)))) {
            in.readUTF();
            return in.readInt();
        }
    }
}
