/** The handler chain: one handler per feature, run in one declared order, returning actions. */
@NullMarked
package dev.qunguan.handler;

import org.jspecify.annotations.NullMarked;
