/** Immutable, platform-neutral message content: text, mentions, quotes, images. */
@NullMarked
package dev.qunguan.message;

import org.jspecify.annotations.NullMarked;
