package dev.qunguan.adapters.onebot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class LazyHttpClientTest {
    @Test
    void buildsNothingUntilTheFirstCall() {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = LazyHttpClient.of(() -> {
            builds.incrementAndGet();
            return HttpClient.newHttpClient();
        });

        assertThat(lazy.isBuilt()).isFalse();
        assertThat(builds).hasValue(0);
    }

    @Test
    void buildsOneClientForEveryCallerEvenWhenTheyAskAtOnce() throws InterruptedException {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = LazyHttpClient.of(() -> {
            builds.incrementAndGet();
            return HttpClient.newHttpClient();
        });
        CountDownLatch start = new CountDownLatch(1);
        List<HttpClient> seen = Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(lazy.get());
            }));
        }
        start.countDown();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(builds).hasValue(1);
        assertThat(seen).hasSize(8).allSatisfy(client -> assertThat(client).isSameAs(lazy.get()));
        assertThat(lazy.isBuilt()).isTrue();
    }
}
