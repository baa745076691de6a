package dev.qunguan.nlp.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Entry points for the command line ({@code qunguan classify | eval | train}) over plain streams, so the
 * CLI layer stays a thin wrapper. Output is UTF-8 text; nothing here calls {@code System.exit}.
 */
public final class ClassifierTools {

    private ClassifierTools() {}

    /** Classifies with the shipped model; see {@link #classify(InputStream, PrintStream, ModelClassifier)}. */
    public static void classify(InputStream jsonl, PrintStream out) throws IOException {
        classify(jsonl, out, ModelClassifier.loadDefault());
    }

    /**
     * Reads JSON Lines with a {@code "text"} field (other fields ignored) and writes one line per input line,
     * in order: {@code {"label", "confidence", "scores"}} decided at the default sensitivity, or
     * {@code {"error"}} for a line that is not such an object. Blank input lines are skipped.
     */
    public static void classify(InputStream jsonl, PrintStream out, ModelClassifier model) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(jsonl, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            out.println(classifyLine(line, model));
        }
        out.flush();
    }

    static String classifyLine(String line, ModelClassifier model) {
        ObjectNode result = JsonLines.JSON.createObjectNode();
        String text;
        try {
            JsonNode node = JsonLines.JSON.readTree(line);
            JsonNode field = node == null ? null : node.get("text");
            if (field == null || !field.isTextual()) {
                return result.put("error", "expected a JSON object with a string field \"text\"").toString();
            }
            text = field.asText();
        } catch (JacksonException e) {
            return result.put("error", "malformed JSON: " + e.getOriginalMessage()).toString();
        }
        Classification verdict = model.classify(text);
        result.put("label", verdict.label().wireName());
        result.put("confidence", round(verdict.confidence()));
        ObjectNode scores = result.putObject("scores");
        for (Label label : Label.values()) {
            scores.put(label.wireName(), round(verdict.score(label)));
        }
        return result.toString();
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    /**
     * Prints an evaluation of {@code data}: with {@code folds >= 2}, k-fold cross-validation of freshly
     * trained models; with {@code folds} 0 or 1, the shipped model scored as it is.
     */
    public static EvaluationReport eval(List<Path> data, int folds, PrintStream out) throws IOException {
        return eval(data, List.of(), folds, out);
    }

    /** As {@link #eval(List, int, PrintStream)}, adding {@code trainingOnly} lines to every training set. */
    public static EvaluationReport eval(List<Path> data, List<Path> trainingOnly, int folds, PrintStream out)
            throws IOException {
        List<LabelledText> lines = JsonLines.read(data);
        EvaluationReport report = folds >= 2
                ? Evaluator.create().crossValidate(lines, JsonLines.read(trainingOnly), folds, TrainingOptions.defaults())
                : Evaluator.create().evaluate(ModelClassifier.loadDefault(), lines);
        report.print(out);
        out.flush();
        return report;
    }

    /** Prints the fixed held-out split evaluation: train on four fifths (plus {@code trainingOnly}), score the fifth. */
    public static EvaluationReport evalHeldOut(List<Path> data, List<Path> trainingOnly, PrintStream out) throws IOException {
        EvaluationReport report = Evaluator.create()
                .heldOut(JsonLines.read(data), JsonLines.read(trainingOnly), TrainingOptions.defaults());
        report.print(out);
        out.flush();
        return report;
    }

    /** Trains on all lines of {@code data} with the default options and writes the model to {@code modelFile}. */
    public static ModelClassifier train(List<Path> data, Path modelFile, PrintStream log) throws IOException {
        List<LabelledText> lines = JsonLines.read(data);
        TrainingOptions options = TrainingOptions.defaults();
        log.printf(Locale.ROOT, "training on %d lines from %s with %s%n", lines.size(), data, options);
        long started = System.nanoTime();
        ModelClassifier model = Trainer.create().train(lines, options);
        model.save(modelFile);
        log.printf(Locale.ROOT, "wrote %s in %.1f s (temperature %.3f)%n",
                modelFile, (System.nanoTime() - started) / 1e9, model.temperature());
        log.flush();
        return model;
    }
}
