package dev.qunguan.nlp.bench;

/**
 * Runs the classifier benchmarks through JMH's own runner; arguments are passed on (e.g. a benchmark
 * name regex, {@code -f 1}). {@code heap} prints the shipped model's retained heap, measured around one
 * load; {@code cpu} prints classifications per second of thread CPU time (steady on a busy machine).
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("heap")) {
            HeapProbe.print();
            return;
        }
        if (args.length > 0 && args[0].equals("cpu")) {
            CpuThroughputProbe.print();
            return;
        }
        org.openjdk.jmh.Main.main(args);
    }
}
