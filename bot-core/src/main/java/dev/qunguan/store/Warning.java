package dev.qunguan.store;

import java.time.Instant;

/** One warning: why (a reason code such as {@code ad}, or an admin's note) and who issued it. */
public record Warning(long id, String userId, String reason, String issuedBy, Instant at) {}
