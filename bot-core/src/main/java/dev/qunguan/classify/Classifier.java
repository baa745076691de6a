package dev.qunguan.classify;

/** Tells ads, abuse and questions apart from ordinary chat. Implementations are thread-safe. */
@FunctionalInterface
public interface Classifier {
    Classification classify(String text);
}
