package dev.qunguan.nlp.bench;

import dev.qunguan.nlp.model.ModelClassifier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Classifications per second of this thread's CPU time over the benchmark lines. On a shared machine
 * JMH's wall-clock throughput drops with every other busy process; CPU time charges only the work done
 * here, so it stands in for "one idle core". Prints every round and the median of the rounds.
 */
final class CpuThroughputProbe {

    private static final int ROUNDS = 7;
    private static final int CLASSIFICATIONS_PER_ROUND = 400_000;

    private CpuThroughputProbe() {}

    static void print() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ModelClassifier model = ModelClassifier.loadDefault();
        String[] lines = ClassifierBenchmark.LINES;
        long checksum = 0;
        for (int i = 0; i < CLASSIFICATIONS_PER_ROUND; i++) { // warm-up: JIT compilation
            checksum += model.classify(lines[i % lines.length]).label().ordinal();
        }
        double[] perSecond = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < CLASSIFICATIONS_PER_ROUND; i++) {
                checksum += model.classify(lines[i % lines.length]).label().ordinal();
            }
            long cpuNanos = threads.getCurrentThreadCpuTime() - start;
            perSecond[round] = CLASSIFICATIONS_PER_ROUND / (cpuNanos / 1e9);
            System.out.printf("round %d: %,.0f classifications per CPU-second%n", round + 1, perSecond[round]);
        }
        Arrays.sort(perSecond);
        System.out.printf("median: %,.0f classifications per CPU-second, one thread (checksum %d)%n",
                perSecond[ROUNDS / 2], checksum);
    }
}
