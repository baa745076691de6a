package dev.qunguan.nlp.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Two-stage matcher: BM25 over words+synonyms and character bigrams, then the logistic scorer on the top entries. */
final class DefaultFaqIndex implements FaqIndex {

    static final int CANDIDATES = 8;
    private static final int ROW_POOL = 24;
    private static final int PARALLEL_FROM = 512;
    private static final int MAX_QUERY_CHARS = 200;
    static final double LOGIT_CAP = 10;

    /** One entry and the analysis of each of its wordings. */
    private record Entry(FaqDocument document, List<AnalyzedText> wordings) {}

    /** A candidate entry for a question with the pair features of its best-retrieved wording. */
    record Candidate(String id, double retrieval, double[] features, AnalyzedText wording) {}

    /** The candidate the ranking model puts first, and the features the acceptance model judges it by. */
    record Choice(Candidate best, double[] acceptanceFeatures) {}

    private final Map<String, Entry> entries;
    private final FaqScorer scorer;
    private final TextAnalyzer analyzer;
    private final String[] rowIds;
    private final AnalyzedText[] rowTexts;
    private final float[] rowSelfWord;
    private final float[] rowSelfBigram;
    private final Bm25Field words;
    private final Bm25Field bigrams;
    private final ThreadLocal<Scratch> scratches;

    private DefaultFaqIndex(Map<String, Entry> entries, FaqScorer scorer, TextAnalyzer analyzer) {
        this.entries = entries;
        this.scorer = scorer;
        this.analyzer = analyzer;
        List<String> ids = new ArrayList<>();
        List<AnalyzedText> texts = new ArrayList<>();
        for (Entry entry : entries.values()) {
            for (AnalyzedText wording : entry.wordings()) {
                ids.add(entry.document().id());
                texts.add(wording);
            }
        }
        this.rowIds = ids.toArray(String[]::new);
        this.rowTexts = texts.toArray(AnalyzedText[]::new);
        this.words = Bm25Field.of(texts.stream().map(AnalyzedText::wordTerms).toList());
        this.bigrams = Bm25Field.of(texts.stream().map(AnalyzedText::bigramTerms).toList());
        int rowCount = rowTexts.length;
        this.scratches = ThreadLocal.withInitial(() -> new Scratch(rowCount));
        this.rowSelfWord = new float[rowTexts.length];
        this.rowSelfBigram = new float[rowTexts.length];
        for (int row = 0; row < rowTexts.length; row++) {
            rowSelfWord[row] = words.selfScore(rowTexts[row].wordTerms());
            rowSelfBigram[row] = bigrams.selfScore(rowTexts[row].bigramTerms());
        }
    }

    static DefaultFaqIndex of(List<FaqDocument> documents, FaqScorer scorer, TextAnalyzer analyzer) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        // segmentation dominates the build: spread it over the cores for large knowledge bases
        List<Entry> analysed = documents.size() < PARALLEL_FROM
                ? documents.stream().map(document -> analyze(document, analyzer)).toList()
                : documents.parallelStream().map(document -> analyze(document, analyzer)).toList();
        for (Entry entry : analysed) {
            FaqDocument document = entry.document();
            if (entries.put(document.id(), entry) != null) {
                throw new IllegalArgumentException("documents: id " + document.id() + " twice (expected: unique ids)");
            }
        }
        return new DefaultFaqIndex(entries, scorer, analyzer);
    }

    private static Entry analyze(FaqDocument document, TextAnalyzer analyzer) {
        return new Entry(document, document.wordings().stream().map(analyzer::analyze).toList());
    }

    @Override
    public FaqMatch match(String query) {
        // FAQ questions are short; a pasted essay should not cost more than a question
        String bounded = query.length() > MAX_QUERY_CHARS ? query.substring(0, MAX_QUERY_CHARS) : query;
        return decide(candidates(analyzer.analyze(bounded)), scorer);
    }

    /** The ranking model picks the entry; the acceptance model scores it. */
    static FaqMatch decide(List<Candidate> candidates, FaqScorer scorer) {
        return choose(candidates, scorer.ranking())
                .map(choice -> FaqMatch.of(choice.best().id(), scorer.acceptance().probability(choice.acceptanceFeatures()),
                        scorer.threshold()))
                .orElseGet(() -> FaqMatch.none(scorer.threshold()));
    }

    /**
     * The candidate the ranking model puts first, if any. Its acceptance features add how sure the ranking
     * was (its log-odds, and the gap to the runner-up) and how alike the two best entries are: a close
     * race between two near-duplicate entries says less against the question than one between strangers.
     */
    static Optional<Choice> choose(List<Candidate> candidates, LogisticModel ranking) {
        Candidate best = null;
        Candidate second = null;
        double bestLogit = Double.NEGATIVE_INFINITY;
        double secondLogit = Double.NEGATIVE_INFINITY;
        for (Candidate candidate : candidates) {
            double logit = ranking.logit(candidate.features());
            if (logit > bestLogit) {
                second = best;
                secondLogit = bestLogit;
                best = candidate;
                bestLogit = logit;
            } else if (logit > secondLogit) {
                second = candidate;
                secondLogit = logit;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double[] features = best.features().clone();
        features[PairFeatures.RANK_LOGIT] = Math.max(-LOGIT_CAP, Math.min(LOGIT_CAP, bestLogit));
        features[PairFeatures.RANK_GAP] = second == null ? LOGIT_CAP : Math.min(LOGIT_CAP, bestLogit - secondLogit);
        features[PairFeatures.RUNNER_UP_LIKENESS] = second == null ? 0
                : PairFeatures.charDice(best.wording().compact(), second.wording().compact());
        return Optional.of(new Choice(best, features));
    }

    TextAnalyzer analyzer() {
        return analyzer;
    }

    /** The top entries by first-stage score, each with the pair features of its best wording. */
    List<Candidate> candidates(AnalyzedText query) {
        int rows = rowTexts.length;
        if (rows == 0 || query.compact().isEmpty()) {
            return List.of();
        }
        Scratch scratch = scratch();
        float[] wordScores = scratch.wordScores;
        float[] bigramScores = scratch.bigramScores;
        boolean[] touched = scratch.touched;
        int[] touchedRows = scratch.touchedRows;
        int[] touchedCount = {0};
        try {
            return rank(query, wordScores, bigramScores, touched, touchedRows, touchedCount);
        } finally {
            for (int t = 0; t < touchedCount[0]; t++) {
                int row = touchedRows[t];
                wordScores[row] = 0;
                bigramScores[row] = 0;
                touched[row] = false;
            }
        }
    }

    private List<Candidate> rank(AnalyzedText query, float[] wordScores, float[] bigramScores, boolean[] touched,
            int[] touchedRows, int[] touchedCount) {
        List<String> skippedWords = new ArrayList<>();
        List<String> skippedBigrams = new ArrayList<>();
        words.accumulate(query.wordTerms(), wordScores, touched, touchedRows, touchedCount, skippedWords, false);
        bigrams.accumulate(query.bigramTerms(), bigramScores, touched, touchedRows, touchedCount, skippedBigrams, false);
        if (touchedCount[0] == 0 && (!skippedWords.isEmpty() || !skippedBigrams.isEmpty())) {
            // nothing but common terms: fall back to walking them all
            words.accumulate(query.wordTerms(), wordScores, touched, touchedRows, touchedCount, skippedWords, true);
            bigrams.accumulate(query.bigramTerms(), bigramScores, touched, touchedRows, touchedCount, skippedBigrams, true);
            skippedWords.clear();
            skippedBigrams.clear();
        }
        float selfWord = Math.max(1e-6f, words.selfScore(query.wordTerms()));
        float selfBigram = Math.max(1e-6f, bigrams.selfScore(query.bigramTerms()));

        int[] pool = new int[ROW_POOL];
        double[] poolScores = new double[ROW_POOL];
        int pooled = 0;
        float wordScale = 0.5f / selfWord;
        float bigramScale = 0.5f / selfBigram;
        for (int t = 0; t < touchedCount[0]; t++) {
            int row = touchedRows[t];
            double score = wordScores[row] * wordScale + bigramScores[row] * bigramScale;
            if (pooled == ROW_POOL && score <= poolScores[ROW_POOL - 1]) {
                continue;
            }
            int at = pooled == ROW_POOL ? ROW_POOL - 1 : pooled++;
            while (at > 0 && poolScores[at - 1] < score) {
                pool[at] = pool[at - 1];
                poolScores[at] = poolScores[at - 1];
                at--;
            }
            pool[at] = row;
            poolScores[at] = score;
        }

        // the shortlist ignored very common terms: score it exactly, then re-rank
        for (int i = 0; i < pooled; i++) {
            int row = pool[i];
            wordScores[row] += words.addSkipped(skippedWords, row, rowTexts[row].wordTerms());
            bigramScores[row] += bigrams.addSkipped(skippedBigrams, row, rowTexts[row].bigramTerms());
            poolScores[i] = 0.5 * (wordScores[row] / selfWord + bigramScores[row] / selfBigram);
        }
        for (int i = 1; i < pooled; i++) {
            int row = pool[i];
            double score = poolScores[i];
            int at = i;
            while (at > 0 && poolScores[at - 1] < score) {
                pool[at] = pool[at - 1];
                poolScores[at] = poolScores[at - 1];
                at--;
            }
            pool[at] = row;
            poolScores[at] = score;
        }

        List<Integer> chosenRows = new ArrayList<>(CANDIDATES);
        List<String> chosenIds = new ArrayList<>(CANDIDATES);
        double[] chosenScores = new double[CANDIDATES];
        for (int i = 0; i < pooled && chosenRows.size() < CANDIDATES; i++) {
            String id = rowIds[pool[i]];
            if (!chosenIds.contains(id)) {
                chosenScores[chosenRows.size()] = poolScores[i];
                chosenRows.add(pool[i]);
                chosenIds.add(id);
            }
        }
        List<Candidate> candidates = new ArrayList<>(chosenRows.size());
        for (int i = 0; i < chosenRows.size(); i++) {
            int row = chosenRows.get(i);
            double bestOther = 0;
            for (int j = 0; j < chosenRows.size(); j++) {
                if (j != i) {
                    bestOther = Math.max(bestOther, chosenScores[j]);
                }
            }
            double[] retrieval = {
                wordScores[row] / selfWord,
                bigramScores[row] / selfBigram,
                wordScores[row] / Math.max(1e-6f, rowSelfWord[row]),
                bigramScores[row] / Math.max(1e-6f, rowSelfBigram[row])
            };
            candidates.add(new Candidate(chosenIds.get(i), chosenScores[i],
                    PairFeatures.of(query, rowTexts[row], retrieval, chosenScores[i] - bestOther, i), rowTexts[row]));
        }
        return candidates;
    }

    /** Per-thread score arrays, reused across queries so that a query allocates nothing per indexed row. */
    private static final class Scratch {
        final float[] wordScores;
        final float[] bigramScores;
        final boolean[] touched;
        final int[] touchedRows;

        Scratch(int rows) {
            wordScores = new float[rows];
            bigramScores = new float[rows];
            touched = new boolean[rows];
            touchedRows = new int[rows];
        }
    }

    private Scratch scratch() {
        Scratch scratch = scratches.get();
        if (scratch.touched.length != rowTexts.length) {
            scratch = new Scratch(rowTexts.length);
            scratches.set(scratch);
        }
        return scratch;
    }

    @Override
    public FaqIndex with(FaqDocument document) {
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        next.put(document.id(), analyze(document, analyzer));
        return new DefaultFaqIndex(next, scorer, analyzer);
    }

    @Override
    public FaqIndex without(String id) {
        if (!entries.containsKey(id)) {
            return this;
        }
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        next.remove(id);
        return new DefaultFaqIndex(next, scorer, analyzer);
    }

    @Override
    public List<FaqDocument> documents() {
        return entries.values().stream().map(Entry::document).toList();
    }

    @Override
    public double threshold() {
        return scorer.threshold();
    }

    @Override
    public String toString() {
        return "FaqIndex[" + entries.size() + " entries, " + rowTexts.length + " wordings, threshold "
                + scorer.threshold() + "]";
    }
}
