package dev.qunguan.nlp.faq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * Plain-stream entry points for the command line: match questions against a JSON Lines knowledge base,
 * evaluate on labelled questions (with the shipped scorer, or by k-fold cross-validation), and retrain
 * the shipped scorer. Knowledge-base lines are {"faq_id", "question", "answer"}; question lines are
 * {"query"} with, for evaluation, {"faq_id": id | null} and optionally {"source"}.
 */
public final class FaqTools {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaqTools() {}

    /**
     * Reads a knowledge base, one entry per line. Lines repeating an id add phrasings to the entry
     * the id first appeared with, so a file may list several wordings of one question.
     */
    public static List<FaqDocument> readKnowledgeBase(Path kb) throws IOException {
        Map<String, List<String>> wordings = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(kb, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String id = node.path("faq_id").asText("");
                String question = node.path("question").asText("");
                if (id.isBlank() || question.isBlank()) {
                    throw new IllegalArgumentException(kb + " line " + number
                            + ": faq_id or question missing (expected: {\"faq_id\", \"question\", \"answer\"})");
                }
                wordings.computeIfAbsent(id, any -> new ArrayList<>()).add(question);
            }
        }
        List<FaqDocument> documents = new ArrayList<>(wordings.size());
        wordings.forEach((id, texts) -> documents.add(new FaqDocument(id, texts.get(0), texts.subList(1, texts.size()))));
        return documents;
    }

    /**
     * For each {"query": …} line on {@code queries}, writes one line {"faq_id": "<id>" | null, "score": 0.83}
     * to {@code out}, in the same order. A line without a query gets {"faq_id": null, "score": 0.0}.
     */
    public static void match(Path kb, InputStream queries, PrintStream out) throws IOException {
        FaqIndex index = FaqIndex.build(readKnowledgeBase(kb));
        BufferedReader reader = new BufferedReader(new InputStreamReader(queries, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String query = JSON.readTree(line).path("query").asText("");
            FaqMatch match = query.isBlank() ? FaqMatch.none(index.threshold()) : index.match(query);
            ObjectNode result = JSON.createObjectNode();
            if (match.id().isPresent()) {
                result.put("faq_id", match.id().get());
            } else {
                result.putNull("faq_id");
            }
            result.put("score", Math.round(match.score() * 10_000) / 10_000.0);
            out.println(JSON.writeValueAsString(result));
        }
        out.flush();
    }

    /** Prints hit@1, answered-correct rate, answer precision, abstain recall and coverage with the shipped scorer. */
    public static void eval(Path kb, Path queries, PrintStream out) throws IOException {
        List<FaqDocument> documents = readKnowledgeBase(kb);
        List<LabelledQuery> labelled = readQueries(queries);
        long started = System.nanoTime();
        FaqIndex index = FaqIndex.build(documents);
        long built = System.nanoTime();
        FaqMetrics metrics = new FaqMetrics();
        for (LabelledQuery query : labelled) {
            metrics.add(query, index.match(query.query()));
        }
        long matched = System.nanoTime();
        out.printf(Locale.ROOT, "kb %s: %d entries; queries %s: %d (shipped scorer, threshold %.2f)%n",
                kb, documents.size(), queries, labelled.size(), index.threshold());
        metrics.print(out);
        out.printf(Locale.ROOT, "index built in %d ms (first build includes loading HanLP dictionaries); %.1f µs per query%n",
                Duration.ofNanos(built - started).toMillis(), (matched - built) / 1e3 / Math.max(1, labelled.size()));
    }

    /**
     * Cross-validates the learnt scorer: k folds with every paraphrase of one entry in the same fold; each
     * fold's scorer and threshold are learnt on the other folds only. Prints pooled held-out figures.
     */
    public static void eval(Path kb, Path queries, PrintStream out, int folds) throws IOException {
        List<FaqDocument> documents = readKnowledgeBase(kb);
        List<LabelledQuery> labelled = readQueries(queries);
        ScorerTraining training = new ScorerTraining(
                DefaultFaqIndex.of(documents, FaqScorer.untrained(), TextAnalyzer.standard()), labelled);
        ScorerTraining.CrossValidation result = training.crossValidate(folds);
        out.printf(Locale.ROOT, "kb %s: %d entries; queries %s: %d; %d-fold cross-validation grouped by entry%n",
                kb, documents.size(), queries, labelled.size(), folds);
        out.println("fold thresholds (picked on training folds): " + ScorerTraining.describe(result.foldThresholds()));
        result.metrics().print(out);
        out.println("held-out trade-off by threshold:");
        result.curve().forEach(line -> out.println("  " + line));
    }

    /**
     * Learns the scorer on all labelled questions, picks the threshold on k-fold held-out predictions,
     * writes it to {@code model} (properties) and prints the cross-validated figures it was picked on.
     */
    public static void train(Path kb, Path queries, Path model, int folds, PrintStream out) throws IOException {
        List<FaqDocument> documents = readKnowledgeBase(kb);
        List<LabelledQuery> labelled = readQueries(queries);
        ScorerTraining training = new ScorerTraining(
                DefaultFaqIndex.of(documents, FaqScorer.untrained(), TextAnalyzer.standard()), labelled);
        ScorerTraining.CrossValidation cv = training.crossValidate(folds);
        FaqScorer scorer = training.fitAll(cv.pooledThreshold());
        try (Writer writer = Files.newBufferedWriter(model, StandardCharsets.UTF_8)) {
            scorer.store(writer, String.format(Locale.ROOT,
                    "FAQ second-stage scorer: ranking + acceptance logistic regressions on %d entries / %d queries; threshold from %d-fold CV",
                    documents.size(), labelled.size(), folds));
        }
        out.printf(Locale.ROOT, "wrote %s (threshold %.2f picked on %d-fold held-out predictions)%n",
                model, scorer.threshold(), folds);
        cv.metrics().print(out);
        out.println("  weights (standardised features): ranking / acceptance");
        for (int i = 0; i < PairFeatures.COUNT; i++) {
            out.printf(Locale.ROOT, "  %-20s %+.3f / %+.3f%n", PairFeatures.NAMES.get(i),
                    scorer.ranking().weights()[i], scorer.acceptance().weights()[i]);
        }
    }

    /** Cross-validated figures when each fold's questions are answered from a group-sized knowledge base. */
    static void evalSmallKnowledgeBases(Path kb, Path queries, PrintStream out, int folds, int size) throws IOException {
        List<FaqDocument> documents = readKnowledgeBase(kb);
        ScorerTraining training = new ScorerTraining(
                DefaultFaqIndex.of(documents, FaqScorer.untrained(), TextAnalyzer.standard()), readQueries(queries));
        double threshold = FaqScorer.shipped().threshold();
        out.printf(Locale.ROOT, "%d-fold CV, knowledge bases of %d entries drawn from each held-out fold, threshold %.2f%n",
                folds, size, threshold);
        training.smallKnowledgeBases(documents, TextAnalyzer.standard(), folds, size, threshold).print(out);
    }

    static List<LabelledQuery> readQueries(Path queries) throws IOException {
        List<LabelledQuery> labelled = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(queries, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                JsonNode id = node.path("faq_id");
                labelled.add(new LabelledQuery(
                        node.path("query").asText(),
                        id.isNull() || id.isMissingNode() ? Optional.empty() : Optional.of(id.asText()),
                        node.path("source").asText("")));
            }
        }
        return labelled;
    }

    /**
     * {@code match KB < queries}, {@code eval KB QUERIES [FOLDS]} or {@code train KB QUERIES MODEL [FOLDS]}:
     * the same operations for running from a class path without the bot's CLI.
     */
    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("match")) {
            match(Path.of(args[1]), System.in, System.out);
        } else if (args.length == 3 && args[0].equals("eval")) {
            eval(Path.of(args[1]), Path.of(args[2]), System.out);
        } else if (args.length == 4 && args[0].equals("eval")) {
            eval(Path.of(args[1]), Path.of(args[2]), System.out, Integer.parseInt(args[3]));
        } else if (args.length == 5 && args[0].equals("eval-small")) {
            evalSmallKnowledgeBases(Path.of(args[1]), Path.of(args[2]), System.out, Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
        } else if (args.length >= 4 && args[0].equals("train")) {
            train(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 5, System.out);
        } else {
            System.err.println("usage: FaqTools match KB.jsonl < queries.jsonl | eval KB.jsonl Q.jsonl [FOLDS]"
                    + " | eval-small KB.jsonl Q.jsonl FOLDS ENTRIES | train KB.jsonl Q.jsonl OUT.properties [FOLDS]");
            System.exit(2);
        }
    }

}
