package dev.qunguan.nlp.model;

import java.util.List;

/** Trains a {@link ModelClassifier} from labelled lines. Save the result with {@link ModelClassifier#save}. */
public interface Trainer {

    ModelClassifier train(List<LabelledText> data, TrainingOptions options);

    static Trainer create() {
        return MaxentTrainer.create();
    }
}
