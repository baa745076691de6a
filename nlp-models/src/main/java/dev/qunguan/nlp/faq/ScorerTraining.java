package dev.qunguan.nlp.faq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Learns the second-stage scorer from labelled questions against a knowledge base, and measures it
 * honestly with k-fold cross-validation in which all paraphrases of one entry sit in the same fold.
 * Thresholds are always picked on held-out predictions (an inner cross-validation inside each outer
 * fold; the outer folds' pooled predictions for the shipped one): the threshold answering most
 * questions correctly while keeping answer precision and abstain recall above their targets.
 */
final class ScorerTraining {

    static final double TARGET_PRECISION = 0.95;
    static final double TARGET_ABSTAIN_RECALL = 0.85;
    private static final long SEED = 20_260_401L;
    private static final int INNER_FOLDS = 4;

    private final List<LabelledQuery> queries;
    private final List<List<DefaultFaqIndex.Candidate>> candidates;

    /** The outcome of cross-validation: pooled held-out metrics, thresholds, and the held-out trade-off curve. */
    record CrossValidation(FaqMetrics metrics, List<Double> foldThresholds, double pooledThreshold, List<String> curve) {
        CrossValidation {
            foldThresholds = List.copyOf(foldThresholds);
            curve = List.copyOf(curve);
        }
    }

    ScorerTraining(DefaultFaqIndex index, List<LabelledQuery> queries) {
        this.queries = List.copyOf(queries);
        TextAnalyzer analyzer = index.analyzer();
        this.candidates = queries.stream().map(q -> index.candidates(analyzer.analyze(q.query()))).toList();
    }

    FaqScorer fitAll(double threshold) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            all.add(i);
        }
        return fit(all, threshold);
    }

    CrossValidation crossValidate(int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds: " + folds + " (expected: >= 2)");
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            all.add(i);
        }
        Map<String, Integer> foldOf = folds(all, folds);
        FaqMatch[] heldOut = new FaqMatch[queries.size()];
        List<Double> thresholds = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i : all) {
                (foldOf.get(queries.get(i).group()) == fold ? test : train).add(i);
            }
            // the fold's threshold comes from an inner cross-validation on its training part: in-sample
            // probabilities of the acceptance model are too confident to pick it from
            double threshold = chooseThreshold(outOfFold(train, INNER_FOLDS));
            thresholds.add(threshold);
            FaqScorer scorer = fit(train, threshold);
            for (int i : test) {
                heldOut[i] = DefaultFaqIndex.decide(candidates.get(i), scorer);
            }
        }
        FaqMetrics metrics = new FaqMetrics();
        for (int i = 0; i < queries.size(); i++) {
            metrics.add(queries.get(i), heldOut[i]);
        }
        return new CrossValidation(metrics, thresholds, chooseThreshold(heldOut), curve(heldOut));
    }

    /** Decisions for {@code subset}, each made by a scorer fitted on the other folds of the subset (others null). */
    private FaqMatch[] outOfFold(List<Integer> subset, int folds) {
        Map<String, Integer> foldOf = folds(subset, folds);
        FaqMatch[] decisions = new FaqMatch[queries.size()];
        for (int fold = 0; fold < folds; fold++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i : subset) {
                (foldOf.get(queries.get(i).group()) == fold ? test : train).add(i);
            }
            FaqScorer scorer = fit(train, 0.5);
            for (int i : test) {
                decisions[i] = DefaultFaqIndex.decide(candidates.get(i), scorer);
            }
        }
        return decisions;
    }

    private Map<String, Integer> folds(List<Integer> subset, int folds) {
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(subset.stream().map(i -> queries.get(i).group()).toList()));
        Collections.shuffle(groups, new Random(SEED));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            foldOf.put(groups.get(i), i % folds);
        }
        return foldOf;
    }

    /**
     * How the scorer carries over to a group-sized knowledge base: per fold, a scorer (at {@code threshold})
     * learnt on the other folds answers the fold's questions from a knowledge base of {@code size} entries
     * drawn from the fold's own entries only; questions whose entry was left out count as unanswerable.
     */
    FaqMetrics smallKnowledgeBases(List<FaqDocument> documents, TextAnalyzer analyzer, int folds, int size,
            double threshold) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            all.add(i);
        }
        Map<String, Integer> foldOf = folds(all, folds);
        Random draw = new Random(SEED);
        FaqMetrics metrics = new FaqMetrics();
        for (int fold = 0; fold < folds; fold++) {
            List<Integer> train = new ArrayList<>();
            List<LabelledQuery> test = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                if (foldOf.get(queries.get(i).group()) == fold) {
                    test.add(queries.get(i));
                } else {
                    train.add(i);
                }
            }
            FaqScorer scorer = fit(train, threshold);
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(test.stream().flatMap(q -> q.faqId().stream()).toList()));
            Collections.shuffle(ids, draw);
            Set<String> kept = Set.copyOf(ids.subList(0, Math.min(size, ids.size())));
            DefaultFaqIndex small = DefaultFaqIndex.of(
                    documents.stream().filter(document -> kept.contains(document.id())).toList(), scorer, analyzer);
            for (LabelledQuery query : test) {
                boolean leftOut = query.faqId().isPresent() && !kept.contains(query.faqId().get());
                metrics.add(leftOut ? new LabelledQuery(query.query(), Optional.empty(), "entry left out")
                        : query, small.match(query.query()));
            }
        }
        return metrics;
    }

    FaqMetrics evaluate(FaqScorer scorer) {
        FaqMetrics metrics = new FaqMetrics();
        for (int i = 0; i < queries.size(); i++) {
            metrics.add(queries.get(i), DefaultFaqIndex.decide(candidates.get(i), scorer));
        }
        return metrics;
    }

    /** Fits the ranking model on every candidate, then the acceptance model on the candidates it ranks first. */
    private FaqScorer fit(List<Integer> indices, double threshold) {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i : indices) {
            for (DefaultFaqIndex.Candidate candidate : candidates.get(i)) {
                rows.add(candidate.features());
                labels.add(isGold(queries.get(i), candidate));
            }
        }
        LogisticModel ranking = LogisticTrainer.train(rows, labels);
        List<double[]> firstRows = new ArrayList<>();
        List<Boolean> firstLabels = new ArrayList<>();
        for (int i : indices) {
            int query = i;
            DefaultFaqIndex.choose(candidates.get(i), ranking).ifPresent(choice -> {
                firstRows.add(choice.acceptanceFeatures());
                firstLabels.add(isGold(queries.get(query), choice.best()));
            });
        }
        return new FaqScorer(ranking, LogisticTrainer.train(firstRows, firstLabels), threshold);
    }

    private static boolean isGold(LabelledQuery query, DefaultFaqIndex.Candidate candidate) {
        return query.faqId().isPresent() && query.faqId().get().equals(candidate.id());
    }

    /** Precision, abstain recall and answered-correct rate of the held-out decisions at a range of thresholds. */
    private List<String> curve(FaqMatch[] decisions) {
        List<String> lines = new ArrayList<>();
        List<Double> thresholds = new ArrayList<>();
        for (int step = 10; step <= 95; step += 5) {
            thresholds.add(step / 100.0);
        }
        double pooled = chooseThreshold(decisions);
        thresholds.add(pooled);
        for (int t = 0; t < thresholds.size(); t++) {
            double threshold = thresholds.get(t);
            FaqMetrics metrics = new FaqMetrics();
            for (int i = 0; i < decisions.length; i++) {
                FaqMatch d = decisions[i];
                metrics.add(queries.get(i), d.nearest().isEmpty()
                        ? FaqMatch.none(threshold) : FaqMatch.of(d.nearest().get(), d.score(), threshold));
            }
            lines.add(String.format(Locale.ROOT,
                    (t == thresholds.size() - 1 ? "best pooled (picked on these predictions, optimistic) " : "")
                    + "threshold %.2f: precision %.4f, abstain recall %.4f, answered-correct %.4f",
                    threshold, metrics.precision(), metrics.abstainRecall(), metrics.answeredCorrectRate()));
        }
        return lines;
    }

    /** Scans thresholds over the given decisions (null entries skipped). */
    private double chooseThreshold(FaqMatch[] decisions) {
        double best = 0.5;
        double bestCorrect = -1;
        double fallback = 0.5;
        double fallbackUtility = Double.NEGATIVE_INFINITY;
        for (int step = 2; step <= 98; step++) {
            double threshold = step / 100.0;
            int correct = 0;
            int wrong = 0;
            int unanswerable = 0;
            int abstained = 0;
            for (int i = 0; i < decisions.length; i++) {
                FaqMatch decision = decisions[i];
                if (decision == null) {
                    continue;
                }
                LabelledQuery query = queries.get(i);
                boolean answers = decision.nearest().isPresent() && decision.score() >= threshold;
                if (query.faqId().isEmpty()) {
                    unanswerable++;
                }
                if (!answers) {
                    if (query.faqId().isEmpty()) {
                        abstained++;
                    }
                } else if (query.faqId().equals(decision.nearest())) {
                    correct++;
                } else {
                    wrong++;
                }
            }
            double precision = correct + wrong == 0 ? 1 : (double) correct / (correct + wrong);
            double abstainRecall = unanswerable == 0 ? 1 : (double) abstained / unanswerable;
            if (precision >= TARGET_PRECISION && abstainRecall >= TARGET_ABSTAIN_RECALL && correct > bestCorrect) {
                bestCorrect = correct;
                best = threshold;
            }
            double utility = correct - 4.0 * wrong;
            if (utility > fallbackUtility) {
                fallbackUtility = utility;
                fallback = threshold;
            }
        }
        return bestCorrect >= 0 ? best : fallback;
    }

    static String describe(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(", "));
    }
}
