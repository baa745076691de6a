package dev.qunguan.nlp.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CandidateChoiceTest {

    private final DefaultFaqIndex index = DefaultFaqIndex.of(List.of(
                    FaqDocument.of("refund", "退款需要多长时间到账"),
                    FaqDocument.of("refund-card", "退款到银行卡需要多长时间"),
                    FaqDocument.of("invoice", "怎么开发票")),
            FaqScorer.shipped(), TextAnalyzer.standard());

    private List<DefaultFaqIndex.Candidate> candidates(String query) {
        return index.candidates(TextAnalyzer.standard().analyze(query));
    }

    @Test
    void theChoiceIsTheCandidateTheRankingModelScoresHighest() {
        List<DefaultFaqIndex.Candidate> candidates = candidates("退款多长时间能到账");
        LogisticModel ranking = FaqScorer.shipped().ranking();
        DefaultFaqIndex.Candidate highest = candidates.stream()
                .max((a, b) -> Double.compare(ranking.logit(a.features()), ranking.logit(b.features()))).orElseThrow();

        DefaultFaqIndex.Choice choice = DefaultFaqIndex.choose(candidates, ranking).orElseThrow();

        assertThat(choice.best()).isSameAs(highest);
        assertThat(choice.best().id()).isEqualTo("refund");
    }

    @Test
    void theChoiceCarriesTheRankingGapAndHowAlikeTheTwoBestEntriesAre() {
        List<DefaultFaqIndex.Candidate> candidates = candidates("退款多长时间能到账");
        LogisticModel ranking = FaqScorer.shipped().ranking();

        double[] features = DefaultFaqIndex.choose(candidates, ranking).orElseThrow().acceptanceFeatures();

        assertThat(features[PairFeatures.RANK_LOGIT]).isBetween(-DefaultFaqIndex.LOGIT_CAP, DefaultFaqIndex.LOGIT_CAP).isNotZero();
        assertThat(features[PairFeatures.RANK_GAP]).isPositive();
        assertThat(features[PairFeatures.RUNNER_UP_LIKENESS]).isGreaterThan(0.3).isLessThan(1.0);
    }

    @Test
    void choosingLeavesTheCandidatesOwnFeaturesUntouched() {
        List<DefaultFaqIndex.Candidate> candidates = candidates("退款多长时间能到账");

        DefaultFaqIndex.choose(candidates, FaqScorer.shipped().ranking());

        assertThat(candidates).allSatisfy(candidate -> assertThat(candidate.features()[PairFeatures.RANK_GAP]).isZero());
    }

    @Test
    void aLoneCandidateHasNoRunnerUp() {
        DefaultFaqIndex single = DefaultFaqIndex.of(List.of(FaqDocument.of("invoice", "怎么开发票")),
                FaqScorer.shipped(), TextAnalyzer.standard());

        double[] features = DefaultFaqIndex.choose(single.candidates(TextAnalyzer.standard().analyze("发票怎么开")),
                FaqScorer.shipped().ranking()).orElseThrow().acceptanceFeatures();

        assertThat(features[PairFeatures.RUNNER_UP_LIKENESS]).isZero();
        assertThat(features[PairFeatures.RANK_GAP]).isEqualTo(DefaultFaqIndex.LOGIT_CAP);
    }

    @Test
    void noCandidatesMeansNoChoice() {
        assertThat(DefaultFaqIndex.choose(List.of(), FaqScorer.shipped().ranking())).isEmpty();
    }
}
