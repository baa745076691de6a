/** Greets members who join, merging a burst of joins into one message. */
@NullMarked
package dev.qunguan.handler.welcome;

import org.jspecify.annotations.NullMarked;
