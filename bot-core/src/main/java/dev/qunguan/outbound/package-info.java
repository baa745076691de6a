/** Sending actions to platforms through per-chat rate limiting. */
@NullMarked
package dev.qunguan.outbound;

import org.jspecify.annotations.NullMarked;
