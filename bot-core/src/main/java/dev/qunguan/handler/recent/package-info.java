/** Remembers the text and author of each chat's recent messages, for commands that reply to one of them. */
@NullMarked
package dev.qunguan.handler.recent;

import org.jspecify.annotations.NullMarked;
