/** The Netty webhook server: routing, acknowledgement, health and metrics. */
@NullMarked
package dev.qunguan.server;

import org.jspecify.annotations.NullMarked;
