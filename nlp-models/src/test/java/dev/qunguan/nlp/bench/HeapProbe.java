package dev.qunguan.nlp.bench;

import dev.qunguan.nlp.model.ModelClassifier;

/** Heap retained by one loaded model: used heap after a full GC with the model, minus before it. */
final class HeapProbe {

    private HeapProbe() {}

    static void print() {
        // Warm the normaliser and segmenter dictionaries first: they are shared, not part of the model.
        ModelClassifier.loadDefault().classify("预热 warm-up 繁體");
        long before = usedAfterGc();
        long started = System.nanoTime();
        ModelClassifier model = ModelClassifier.loadDefault();
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        long after = usedAfterGc();
        System.out.printf("model load %d ms (warm JVM), retained heap %.1f MB (%s)%n",
                loadMillis, (after - before) / 1e6, model.classify("好的").label());
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
