package dev.qunguan.store;

/** How many outbox rows wait to be sent and how many were given up on. */
public record OutboxCounts(long waiting, long dead) {}
