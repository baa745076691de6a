package dev.qunguan.nlp.faq.bench;

import dev.qunguan.nlp.faq.FaqDocument;
import dev.qunguan.nlp.faq.FaqIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A companion to {@link FaqIndexBenchmark} for busy machines: measures each query's thread CPU time,
 * which, unlike wall-clock time, does not count the time the thread waited for a core. Prints
 * percentiles of query CPU time and of index build time (process CPU and wall) over repeated rounds.
 *
 * <p>{@code java -cp <test-classes:classes:deps> dev.qunguan.nlp.faq.bench.FaqLatencyProbe [rounds]}
 */
public final class FaqLatencyProbe {

    private FaqLatencyProbe() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<FaqDocument> documents = SyntheticFaq.knowledgeBase(FaqIndexBenchmark.ENTRIES, 7L);
        List<String> queries = SyntheticFaq.queries(5_000, 11L);
        FaqIndex index = FaqIndex.build(documents);
        for (int warm = 0; warm < 3; warm++) {
            queries.forEach(index::match);
            FaqIndex.build(documents);
        }
        for (int round = 1; round <= rounds; round++) {
            long[] cpu = new long[queries.size()];
            for (int i = 0; i < cpu.length; i++) {
                long start = threads.getCurrentThreadCpuTime();
                index.match(queries.get(i));
                cpu[i] = threads.getCurrentThreadCpuTime() - start;
            }
            Arrays.sort(cpu);
            long processStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            FaqIndex.build(documents);
            long wall = System.nanoTime() - wallStart;
            long process = os.getProcessCpuTime() - processStart;
            System.out.printf(Locale.ROOT,
                    "round %d: query CPU p50 %.0f µs, p99 %.0f µs, max %.0f µs; build %d entries: %d ms wall, %d ms CPU (all threads)%n",
                    round, cpu[cpu.length / 2] / 1e3, cpu[cpu.length * 99 / 100] / 1e3, cpu[cpu.length - 1] / 1e3,
                    documents.size(), wall / 1_000_000, process / 1_000_000);
        }
    }
}
