package dev.qunguan.nlp.model;

import dev.qunguan.classify.Classifier;
import java.util.List;

/**
 * Measures a classifier on labelled lines. Scoring a model on its own training data is not a
 * measurement, so besides scoring a given classifier this trains its own models: k-fold
 * cross-validation, or one fixed held-out split chosen by a hash of each text (the same lines are held
 * out on every run and machine). Lines in {@code trainingOnly} (such as a hand-made corpus) are added
 * to every training set but never scored.
 */
public interface Evaluator {

    EvaluationReport evaluate(Classifier classifier, List<LabelledText> data);

    EvaluationReport crossValidate(List<LabelledText> data, List<LabelledText> trainingOnly, int folds, TrainingOptions options);

    /** Trains on the lines outside the fixed held-out fifth (plus {@code trainingOnly}) and scores the fifth. */
    EvaluationReport heldOut(List<LabelledText> data, List<LabelledText> trainingOnly, TrainingOptions options);

    static Evaluator create() {
        return DefaultEvaluator.INSTANCE;
    }
}
