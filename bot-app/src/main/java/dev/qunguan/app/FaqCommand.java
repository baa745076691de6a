package dev.qunguan.app;

import dev.qunguan.nlp.faq.FaqTools;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qunguan faq}: for each query line, the FAQ entry it asks about, or null. */
@Command(name = "faq", mixinStandardHelpOptions = true,
        description = "Match JSON Lines queries from stdin ({\"query\": ...}) against a knowledge base.")
final class FaqCommand implements Callable<Integer> {
    @Option(names = "--kb", paramLabel = "KB.jsonl", required = true,
            description = "knowledge base lines {\"faq_id\", \"question\", \"answer\"}")
    Path kb;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        FaqTools.match(kb, System.in, out);
        out.flush();
        return 0;
    }
}
