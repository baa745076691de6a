package dev.qunguan.nlp.model;

import dev.qunguan.classify.Label;
import dev.qunguan.nlp.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains OpenNLP's L2-regularised maxent (quasi-Newton) model and a {@link SparseMlp} over
 * {@link FeatureExtractor} features, blends their log-probabilities half and half, then fits a
 * temperature on held-out fold predictions of the blend so the probabilities mean what they say.
 */
final class MaxentTrainer implements Trainer {

    private static final double MIN_LOG_TEMPERATURE = Math.log(0.2);
    private static final double MAX_LOG_TEMPERATURE = Math.log(5.0);

    /** Share of the blended log-probabilities that comes from the MLP (measured in MODEL_CARD.md). */
    static final double MLP_WEIGHT = 0.5;

    private MaxentTrainer() {}

    static MaxentTrainer create() {
        return new MaxentTrainer();
    }

    @Override
    public ModelClassifier train(List<LabelledText> data, TrainingOptions options) {
        return trainExamples(examples(data), options);
    }

    static List<Example> examples(List<LabelledText> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("training data: empty (expected: labelled lines)");
        }
        TextNormalizer normalizer = TextNormalizer.standard();
        FeatureExtractor extractor = FeatureExtractor.create();
        return data.parallelStream()
                .map(line -> new Example(extractor.extract(normalizer.normalize(line.text())), line.label()))
                .toList();
    }

    static DefaultModelClassifier trainExamples(List<Example> examples, TrainingOptions options) {
        double temperature = 1.0;
        if (options.calibrationFolds() >= 2) {
            temperature = fitTemperature(heldOutProbabilities(examples, options), labels(examples));
        }
        return fitBlend(examples, options).withTemperature(temperature);
    }

    /** The maxent and the MLP trained on the same examples, blended, uncalibrated (temperature 1). */
    static DefaultModelClassifier fitBlend(List<Example> examples, TrainingOptions options) {
        return fitBlend(examples, options, SparseMlpTrainer.Settings.defaults().withSeed(options.seed()));
    }

    static DefaultModelClassifier fitBlend(List<Example> examples, TrainingOptions options, SparseMlpTrainer.Settings mlp) {
        HashedWeights maxent = HashedWeights.compile(fit(examples, options));
        return DefaultModelClassifier.of(maxent, SparseMlpTrainer.train(examples, mlp), MLP_WEIGHT, 1.0);
    }

    /** Each example's uncalibrated probabilities from a model that did not see it. */
    static double[][] heldOutProbabilities(List<Example> examples, TrainingOptions options) {
        int folds = options.calibrationFolds();
        int[] foldOf = foldAssignment(examples.size(), folds, options.seed());
        double[][] probabilities = new double[examples.size()][];
        for (int fold = 0; fold < folds; fold++) {
            List<Example> training = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (foldOf[i] != fold) {
                    training.add(examples.get(i));
                }
            }
            DefaultModelClassifier model = fitBlend(training, options);
            for (int i = 0; i < examples.size(); i++) {
                if (foldOf[i] == fold) {
                    probabilities[i] = model.calibrated(examples.get(i).features());
                }
            }
        }
        return probabilities;
    }

    static int[] foldAssignment(int size, int folds, long seed) {
        int[] foldOf = new int[size];
        for (int i = 0; i < size; i++) {
            foldOf[i] = i % folds;
        }
        Random random = new Random(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = foldOf[i];
            foldOf[i] = foldOf[j];
            foldOf[j] = swap;
        }
        return foldOf;
    }

    static AbstractModel fit(List<Example> examples, TrainingOptions options) {
        List<Event> events = new ArrayList<>(examples.size());
        for (Example example : examples) {
            events.add(new Event(example.label().wireName(), example.features()));
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
        parameters.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
        parameters.put(QNTrainer.L2COST_PARAM, options.l2Cost());
        parameters.put(QNTrainer.L1COST_PARAM, 0.0);
        parameters.put(QNTrainer.THREADS_PARAM, options.threads());
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, new HashMap<>());
        try {
            return (AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException("training failed", e);
        }
    }

    private static Label[] labels(List<Example> examples) {
        return examples.stream().map(Example::label).toArray(Label[]::new);
    }

    /** The temperature minimising the held-out negative log-likelihood (golden-section search on log T). */
    static double fitTemperature(double[][] probabilities, Label[] truth) {
        double low = MIN_LOG_TEMPERATURE;
        double high = MAX_LOG_TEMPERATURE;
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int step = 0; step < 60; step++) {
            double a = high - ratio * (high - low);
            double b = low + ratio * (high - low);
            if (negativeLogLikelihood(probabilities, truth, Math.exp(a)) < negativeLogLikelihood(probabilities, truth, Math.exp(b))) {
                high = b;
            } else {
                low = a;
            }
        }
        return Math.exp((low + high) / 2);
    }

    private static double negativeLogLikelihood(double[][] probabilities, Label[] truth, double temperature) {
        double total = 0.0;
        for (int i = 0; i < probabilities.length; i++) {
            double sum = 0.0;
            double own = 0.0;
            for (int k = 0; k < probabilities[i].length; k++) {
                double scaled = Math.pow(Math.max(probabilities[i][k], 1e-12), 1.0 / temperature);
                sum += scaled;
                if (k == truth[i].ordinal()) {
                    own = scaled;
                }
            }
            total -= Math.log(own / sum);
        }
        return total;
    }
}
