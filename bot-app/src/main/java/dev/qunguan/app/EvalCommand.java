package dev.qunguan.app;

import dev.qunguan.nlp.model.ClassifierTools;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qunguan eval}: precision/recall/F1, confusion matrix, false-flag rate and recall per source. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the classifier on labelled JSON Lines ({\"text\", \"label\", \"source\"?}).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE", required = true, description = "labelled JSON Lines (repeatable)")
    List<Path> data;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
            description = "k-fold cross-validation: train on k-1 folds, score the held-out one (default: score the shipped model)")
    int folds;

    @Option(names = "--held-out", description = "train on a fixed 80 %% of the data and score the other 20 %%")
    boolean heldOut;

    @Option(names = "--train-only", paramLabel = "FILE",
            description = "extra training data added to every training fold and never scored (repeatable)")
    List<Path> trainOnly = List.of();

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (heldOut) {
            ClassifierTools.evalHeldOut(data, trainOnly, out);
        } else {
            ClassifierTools.eval(data, trainOnly, folds, out);
        }
        out.flush();
        return 0;
    }
}
