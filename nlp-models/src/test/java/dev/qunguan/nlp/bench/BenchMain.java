package dev.qunguan.nlp.bench;

/**
 * Runs the classifier benchmarks through JMH's own runner; arguments are passed on (e.g. a benchmark
 * name regex, {@code -f 1}). Also prints the shipped model's retained heap, measured around one load.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("heap")) {
            HeapProbe.print();
            return;
        }
        org.openjdk.jmh.Main.main(args);
    }
}
