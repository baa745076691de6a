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

/** {@code qunguan train}: a new classifier model from labelled JSON Lines. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier model on labelled JSON Lines ({\"text\", \"label\"}).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE", required = true, description = "labelled JSON Lines (repeatable)")
    List<Path> data;

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "where to write the model")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ClassifierTools.train(data, out, log);
        log.println("model written to " + out.toAbsolutePath());
        return 0;
    }
}
