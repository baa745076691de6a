/** Bounded in-memory tables of per-member state, laid out in primitive arrays rather than one object per member. */
@NullMarked
package dev.qunguan.member;

import org.jspecify.annotations.NullMarked;
