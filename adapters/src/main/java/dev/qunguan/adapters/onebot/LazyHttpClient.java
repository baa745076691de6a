package dev.qunguan.adapters.onebot;

import java.net.http.HttpClient;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The API's HTTP client, built on its first call. Building one loads the JDK's HTTP stack and its
 * default TLS context (the trust store's certificates), about 0.4 s of CPU in a fresh JVM, which the
 * service's start-up need not pay: the first reply goes out well after the webhook is ready.
 */
final class LazyHttpClient implements Supplier<HttpClient> {
    private final Supplier<HttpClient> build;
    private volatile @Nullable HttpClient built;

    private LazyHttpClient(Supplier<HttpClient> build) {
        this.build = build;
    }

    static LazyHttpClient of(Supplier<HttpClient> build) {
        return new LazyHttpClient(build);
    }

    @Override
    public HttpClient get() {
        HttpClient client = built;
        if (client == null) {
            synchronized (this) {
                client = built;
                if (client == null) {
                    client = build.get();
                    built = client;
                }
            }
        }
        return client;
    }

    boolean isBuilt() {
        return built != null;
    }
}
