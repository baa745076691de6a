package dev.qunguan.nlp.faq;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts from replaying labelled questions through a matcher, and the figures the issue asks for. */
final class FaqMetrics {

    private int answerable;
    private int rankedFirst;
    private int answered;
    private int answeredCorrect;
    private int answeredAnswerable;
    private int unanswerable;
    private int abstainedUnanswerable;
    private final Map<String, int[]> bySource = new TreeMap<>();

    void add(LabelledQuery query, FaqMatch match) {
        boolean correctNearest = query.faqId().isPresent() && query.faqId().equals(match.nearest());
        boolean correctAnswer = match.answered() && query.faqId().equals(match.id());
        // per source: answerable, ranked first, answered correct, unanswerable, abstained
        int[] source = bySource.computeIfAbsent(query.source(), any -> new int[5]);
        if (query.faqId().isPresent()) {
            answerable++;
            source[0]++;
            if (correctNearest) {
                rankedFirst++;
                source[1]++;
            }
            if (match.answered()) {
                answeredAnswerable++;
            }
            if (correctAnswer) {
                source[2]++;
            }
        } else {
            unanswerable++;
            source[3]++;
            if (!match.answered()) {
                abstainedUnanswerable++;
                source[4]++;
            }
        }
        if (match.answered()) {
            answered++;
            if (correctAnswer) {
                answeredCorrect++;
            }
        }
    }

    double hitAt1() {
        return ratio(rankedFirst, answerable);
    }

    double answeredCorrectRate() {
        return ratio(answeredCorrect, answerable);
    }

    double precision() {
        return answered == 0 ? 1.0 : (double) answeredCorrect / answered;
    }

    double abstainRecall() {
        return unanswerable == 0 ? 1.0 : (double) abstainedUnanswerable / unanswerable;
    }

    double coverage() {
        return ratio(answeredAnswerable, answerable);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    void print(PrintStream out) {
        // an abstention on an answerable question is a miss for whoever reads only the faq_id: print both readings
        out.printf(Locale.ROOT, "hit@1 before abstention (ranking: top entry right): %.4f (%d/%d answerable)%n",
                hitAt1(), rankedFirst, answerable);
        out.printf(Locale.ROOT, "hit@1 after abstention (answered-correct: faq_id right): %.4f (%d/%d answerable)%n",
                answeredCorrectRate(), answeredCorrect, answerable);
        out.printf(Locale.ROOT, "answer precision: %.4f (%d correct of %d answers given)%n", precision(), answeredCorrect, answered);
        out.printf(Locale.ROOT, "abstain recall (faq_id null): %.4f (%d/%d)%n", abstainRecall(), abstainedUnanswerable, unanswerable);
        out.printf(Locale.ROOT, "coverage (answerable queries answered at all): %.4f (%d/%d)%n", coverage(), answeredAnswerable, answerable);
        if (bySource.size() > 1 || bySource.keySet().stream().anyMatch(name -> !name.isEmpty())) {
            bySource.forEach((name, c) -> out.printf(Locale.ROOT,
                    "  source %s: hit@1 before abstention %.4f, after abstention %.4f (%d answerable), abstain recall %.4f (%d null)%n",
                    name.isEmpty() ? "(none)" : name, ratio(c[1], c[0]), ratio(c[2], c[0]), c[0], ratio(c[4], c[3]), c[3]));
        }
    }
}
