package dev.qunguan.app;

import dev.qunguan.nlp.faq.FaqTools;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qunguan faq-eval}: hit@1, answer precision and abstain recall of the FAQ matcher. */
@Command(name = "faq-eval", mixinStandardHelpOptions = true,
        description = "Evaluate FAQ matching: hit@1 on answerable queries, precision of answers, abstain recall.")
final class FaqEvalCommand implements Callable<Integer> {
    @Option(names = "--kb", paramLabel = "KB.jsonl", required = true, description = "knowledge base")
    Path kb;

    @Option(names = "--queries", paramLabel = "Q.jsonl", required = true,
            description = "queries {\"query\", \"faq_id\" (null when no entry fits), \"source\"?}")
    Path queries;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
            description = "cross-validate the learnt scorer over K folds grouped by entry (default: the shipped scorer)")
    int folds;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (folds > 1) {
            FaqTools.eval(kb, queries, out, folds);
        } else {
            FaqTools.eval(kb, queries, out);
        }
        out.flush();
        return 0;
    }
}
