package dev.qunguan.nlp.model;

import dev.qunguan.classify.ActionThresholds;
import dev.qunguan.classify.Label;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an evaluation measured: the confusion matrix (expected → predicted → count), recall per source,
 * and the trade-off between macro-F1 and false flags at each sensitivity. A false flag is a normal or
 * question line labelled ad or abuse.
 */
public record EvaluationReport(
        String title,
        Map<Label, Map<Label, Integer>> confusion,
        Map<String, SourceRecall> recallBySource,
        List<OperatingPoint> operatingPoints) {

    public EvaluationReport {
        Objects.requireNonNull(title, "title");
        Map<Label, Map<Label, Integer>> copy = new EnumMap<>(Label.class);
        confusion.forEach((expected, row) -> copy.put(expected, Map.copyOf(row)));
        confusion = Map.copyOf(copy);
        recallBySource = Map.copyOf(recallBySource);
        operatingPoints = List.copyOf(operatingPoints);
    }

    /** Of the lines from one source, how many got their own label. */
    public record SourceRecall(int correct, int total) {
        public SourceRecall {
            if (correct < 0 || total < correct) {
                throw new IllegalArgumentException("correct " + correct + " of " + total + " (expected: 0 <= correct <= total)");
            }
        }

        public double recall() {
            return total == 0 ? 0.0 : (double) correct / total;
        }
    }

    /** The headline figures when deciding at one pair of action thresholds. */
    public record OperatingPoint(
            String name, ActionThresholds thresholds, double macroF1, double adF1, double falseFlagRate) {
        public OperatingPoint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(thresholds, "thresholds");
        }
    }

    public int count(Label expected, Label predicted) {
        return confusion.getOrDefault(expected, Map.of()).getOrDefault(predicted, 0);
    }

    public int total() {
        int total = 0;
        for (Label expected : Label.values()) {
            for (Label predicted : Label.values()) {
                total += count(expected, predicted);
            }
        }
        return total;
    }

    public double precision(Label label) {
        int predicted = 0;
        for (Label expected : Label.values()) {
            predicted += count(expected, label);
        }
        return predicted == 0 ? 0.0 : (double) count(label, label) / predicted;
    }

    public double recall(Label label) {
        int actual = 0;
        for (Label predicted : Label.values()) {
            actual += count(label, predicted);
        }
        return actual == 0 ? 0.0 : (double) count(label, label) / actual;
    }

    public double f1(Label label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** The mean F1 over the labels that occur in the data. */
    public double macroF1() {
        double sum = 0.0;
        int present = 0;
        for (Label label : Label.values()) {
            int actual = 0;
            for (Label predicted : Label.values()) {
                actual += count(label, predicted);
            }
            if (actual > 0) {
                sum += f1(label);
                present++;
            }
        }
        return present == 0 ? 0.0 : sum / present;
    }

    public double falseFlagRate() {
        int ordinary = 0;
        int flagged = 0;
        for (Label expected : Label.values()) {
            if (expected.isViolation()) {
                continue;
            }
            for (Label predicted : Label.values()) {
                int n = count(expected, predicted);
                ordinary += n;
                if (predicted.isViolation()) {
                    flagged += n;
                }
            }
        }
        return ordinary == 0 ? 0.0 : (double) flagged / ordinary;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "== %s (%d lines)%n", title, total());
        out.println("-- per label");
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support");
        for (Label label : Label.values()) {
            int support = 0;
            for (Label predicted : Label.values()) {
                support += count(label, predicted);
            }
            out.printf(Locale.ROOT, "%-10s %9.4f %9.4f %9.4f %8d%n",
                    label.wireName(), precision(label), recall(label), f1(label), support);
        }
        out.printf(Locale.ROOT, "macro-F1 %.4f%n", macroF1());
        out.printf(Locale.ROOT, "false-flag rate %.4f (normal + question lines labelled ad or abuse)%n", falseFlagRate());
        out.println("-- confusion matrix (rows: expected, columns: predicted)");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s", ""));
        for (Label predicted : Label.values()) {
            header.append(String.format(Locale.ROOT, " %8s", predicted.wireName()));
        }
        out.println(header);
        for (Label expected : Label.values()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s", expected.wireName()));
            for (Label predicted : Label.values()) {
                row.append(String.format(Locale.ROOT, " %8d", count(expected, predicted)));
            }
            out.println(row);
        }
        out.println("-- recall per source");
        new TreeMap<>(recallBySource).forEach((source, recall) -> out.printf(Locale.ROOT,
                "%.4f %5d/%-5d %s%n", recall.recall(), recall.correct(), recall.total(), source.isEmpty() ? "(none)" : source));
        if (!operatingPoints.isEmpty()) {
            out.println("-- operating points (action thresholds on the calibrated ad and abuse probabilities)");
            for (OperatingPoint point : operatingPoints) {
                out.printf(Locale.ROOT, "%-9s ad %.3f abuse %.3f macro-F1 %.4f ad-F1 %.4f false-flag rate %.4f%n",
                        point.name(), point.thresholds().ad(), point.thresholds().abuse(), point.macroF1(),
                        point.adF1(), point.falseFlagRate());
            }
        }
    }
}
