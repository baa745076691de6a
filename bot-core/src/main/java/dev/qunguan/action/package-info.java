/** What the bot decides to do: send, delete, mute, remove — as immutable values. */
@NullMarked
package dev.qunguan.action;

import org.jspecify.annotations.NullMarked;
