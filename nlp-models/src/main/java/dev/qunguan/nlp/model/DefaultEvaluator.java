package dev.qunguan.nlp.model;

import dev.qunguan.classify.ActionThresholds;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.Label;
import dev.qunguan.classify.Sensitivity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Scores predictions into reports; trains fold and split models through {@link MaxentTrainer}. Stateless. */
final class DefaultEvaluator implements Evaluator {

    static final DefaultEvaluator INSTANCE = new DefaultEvaluator();
    private static final int HELD_OUT_BUCKETS = 5;

    private DefaultEvaluator() {}

    /** One scored line: calibrated probabilities when the classifier exposes them, else only its label. */
    private record Scored(Label expected, String source, @Nullable Label label, double @Nullable [] probabilities) {
        Label predicted(ActionThresholds thresholds) {
            if (probabilities == null) {
                return Objects.requireNonNull(label);
            }
            return DefaultModelClassifier.decide(probabilities, thresholds, List.of()).label();
        }
    }

    @Override
    public EvaluationReport evaluate(Classifier classifier, List<LabelledText> data) {
        return report("evaluation of " + classifier, scored(classifier, data), Sensitivity.NORMAL.thresholds());
    }

    private static List<Scored> scored(Classifier classifier, List<LabelledText> data) {
        List<Scored> scored = new ArrayList<>(data.size());
        for (LabelledText line : data) {
            if (classifier instanceof DefaultModelClassifier model) {
                double[] probabilities = model.calibrated(model.features(line.text()));
                scored.add(new Scored(line.label(), line.source(), null, probabilities));
            } else {
                Classification verdict = classifier.classify(line.text());
                scored.add(new Scored(line.label(), line.source(), verdict.label(), null));
            }
        }
        return scored;
    }

    @Override
    public EvaluationReport crossValidate(
            List<LabelledText> data, List<LabelledText> trainingOnly, int folds, TrainingOptions options) {
        return crossValidateAt(data, trainingOnly, folds, options, Sensitivity.NORMAL.thresholds()).get(0);
    }

    /**
     * Cross-validates once (the maxent + MLP blend per fold, one temperature fitted on all out-of-fold
     * predictions) and reports the decisions at each action threshold: for choosing the thresholds.
     */
    List<EvaluationReport> crossValidateAt(List<LabelledText> data, List<LabelledText> trainingOnly, int folds,
            TrainingOptions options, ActionThresholds... thresholds) {
        if (folds < 2 || folds > data.size()) {
            throw new IllegalArgumentException("folds: " + folds + " (expected: 2.." + data.size() + ")");
        }
        List<Example> examples = MaxentTrainer.examples(data);
        List<Example> extra = trainingOnly.isEmpty() ? List.of() : MaxentTrainer.examples(trainingOnly);
        int[] foldOf = MaxentTrainer.foldAssignment(examples.size(), folds, options.seed());
        double[][] raw = new double[examples.size()][];
        for (int fold = 0; fold < folds; fold++) {
            List<Example> training = new ArrayList<>(extra);
            for (int i = 0; i < examples.size(); i++) {
                if (foldOf[i] != fold) {
                    training.add(examples.get(i));
                }
            }
            DefaultModelClassifier model = MaxentTrainer.fitBlend(training, options);
            for (int i = 0; i < examples.size(); i++) {
                if (foldOf[i] == fold) {
                    raw[i] = model.calibrated(examples.get(i).features());
                }
            }
        }
        // The shipped model is calibrated the same way: one temperature fitted on out-of-fold predictions.
        double temperature = MaxentTrainer.fitTemperature(raw, examples.stream().map(Example::label).toArray(Label[]::new));
        List<Scored> scored = new ArrayList<>(data.size());
        for (int i = 0; i < examples.size(); i++) {
            double[] probabilities = DefaultModelClassifier.rescale(raw[i], temperature);
            scored.add(new Scored(data.get(i).label(), data.get(i).source(), null, probabilities));
        }
        List<EvaluationReport> reports = new ArrayList<>(thresholds.length);
        for (ActionThresholds threshold : thresholds) {
            reports.add(report(folds + "-fold cross-validation of the maxent + MLP blend (temperature "
                    + String.format(Locale.ROOT, "%.3f", temperature) + ", " + trainingOnly.size()
                    + " extra training-only lines, decided at " + threshold + ")", scored, threshold));
        }
        return reports;
    }

    @Override
    public EvaluationReport heldOut(List<LabelledText> data, List<LabelledText> trainingOnly, TrainingOptions options) {
        return heldOutAt(data, trainingOnly, options, Sensitivity.NORMAL.thresholds()).get(0);
    }

    /** Trains the held-out model once and reports its decisions at each action threshold. */
    List<EvaluationReport> heldOutAt(List<LabelledText> data, List<LabelledText> trainingOnly, TrainingOptions options,
            ActionThresholds... thresholds) {
        List<LabelledText> training = new ArrayList<>(trainingOnly);
        List<LabelledText> test = new ArrayList<>();
        for (LabelledText line : data) {
            (isHeldOut(line.text()) ? test : training).add(line);
        }
        ModelClassifier model = MaxentTrainer.create().train(training, options);
        List<Scored> scored = scored(model, test);
        List<EvaluationReport> reports = new ArrayList<>(thresholds.length);
        for (ActionThresholds threshold : thresholds) {
            EvaluationReport report = report("", scored, threshold);
            reports.add(new EvaluationReport("fixed held-out fifth (" + test.size() + " scored, " + training.size()
                    + " trained, decided at " + threshold + ")",
                    report.confusion(), report.recallBySource(), report.operatingPoints()));
        }
        return reports;
    }

    /** A stable fifth of all texts, by a hash of the text alone. */
    static boolean isHeldOut(String text) {
        int hash = text.hashCode() * 0x9E3779B9;
        return Math.floorMod(hash >>> 7, HELD_OUT_BUCKETS) == 0;
    }

    private static EvaluationReport report(String title, List<Scored> scored, ActionThresholds threshold) {
        Map<Label, Map<Label, Integer>> confusion = new EnumMap<>(Label.class);
        for (Scored line : scored) {
            confusion.computeIfAbsent(line.expected(), any -> new EnumMap<>(Label.class))
                    .merge(line.predicted(threshold), 1, Integer::sum);
        }
        Map<String, int[]> bySource = new HashMap<>();
        for (Scored line : scored) {
            int[] counts = bySource.computeIfAbsent(line.source(), any -> new int[2]);
            counts[1]++;
            if (line.predicted(threshold) == line.expected()) {
                counts[0]++;
            }
        }
        Map<String, EvaluationReport.SourceRecall> recall = new HashMap<>();
        bySource.forEach((source, counts) -> recall.put(source, new EvaluationReport.SourceRecall(counts[0], counts[1])));
        List<EvaluationReport.OperatingPoint> points = new ArrayList<>();
        if (!scored.isEmpty() && scored.stream().allMatch(line -> line.probabilities() != null)) {
            for (Sensitivity sensitivity : Sensitivity.values()) {
                points.add(point(sensitivity.name().toLowerCase(Locale.ROOT), sensitivity.thresholds(), scored));
            }
            for (double swept : new double[] {0.5, 0.8, 0.9, 0.95, 0.99}) {
                points.add(point("sweep", ActionThresholds.uniform(swept), scored));
            }
        }
        return new EvaluationReport(title, confusion, recall, points);
    }

    private static EvaluationReport.OperatingPoint point(String name, ActionThresholds threshold, List<Scored> scored) {
        Map<Label, Map<Label, Integer>> confusion = new EnumMap<>(Label.class);
        for (Scored line : scored) {
            Label predicted = line.predicted(threshold);
            confusion.computeIfAbsent(line.expected(), any -> new EnumMap<>(Label.class)).merge(predicted, 1, Integer::sum);
        }
        EvaluationReport decided = new EvaluationReport(name, confusion, Map.of(), List.of());
        return new EvaluationReport.OperatingPoint(name, threshold, decided.macroF1(), decided.f1(Label.AD), decided.falseFlagRate());
    }
}
