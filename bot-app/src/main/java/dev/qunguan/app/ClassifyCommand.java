package dev.qunguan.app;

import dev.qunguan.nlp.model.ClassifierTools;
import dev.qunguan.nlp.model.ModelClassifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qunguan classify}: JSON Lines in ({"text": …}), one verdict per line out, same order. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify JSON Lines from stdin ({\"text\": ...}) as ad, abuse, question or normal.")
final class ClassifyCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE", description = "a model from 'train' (default: the shipped model)")
    Path model;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (model == null) {
            ClassifierTools.classify(System.in, out);
        } else {
            ClassifierTools.classify(System.in, out, ModelClassifier.load(model));
        }
        out.flush();
        return 0;
    }
}
