package dev.qunguan.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak detector at PARANOID, with every reported leak recorded for assertions. Start before the
 * first buffer is allocated in the JVM (the factory only applies to buffer classes loaded afterwards;
 * leaks found otherwise still appear as the detector's ERROR log).
 */
public final class BufferLeaks {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static ResourceLeakDetector.Level previousLevel = ResourceLeakDetector.getLevel();

    private BufferLeaks() {}

    public static void recordAtParanoid() {
        previousLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new Recording());
    }

    public static void restoreLevel() {
        ResourceLeakDetector.setLevel(previousLevel);
    }

    /** Collects garbage and allocates, which is when leaks get reported, then returns every leak seen. */
    public static List<String> reported() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(100);
            for (int i = 0; i < 200; i++) {
                ByteBufAllocator.DEFAULT.buffer(16).release();
                ByteBufAllocator.DEFAULT.directBuffer(16).release();
            }
        }
        return List.copyOf(LEAKS);
    }

    private static final class Recording extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
            return new ResourceLeakDetector<>(resource, samplingInterval) {
                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    LEAKS.add(resourceType + records);
                    super.reportTracedLeak(resourceType, records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    LEAKS.add(resourceType);
                    super.reportUntracedLeak(resourceType);
                }
            };
        }
    }
}
