/** Drops events a platform delivered more than once, so each has one effect. */
@NullMarked
package dev.qunguan.handler.dedupe;

import org.jspecify.annotations.NullMarked;
