/**
 * Bounded in-memory tables of state per chat member or per chat message, laid out in arrays rather than
 * one map entry per key.
 */
@NullMarked
package dev.qunguan.slots;

import org.jspecify.annotations.NullMarked;
