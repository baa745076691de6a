/** Platform-neutral facts that arrive from a chat: messages, joins, leaves, recalls. */
@NullMarked
package dev.qunguan.event;

import org.jspecify.annotations.NullMarked;
