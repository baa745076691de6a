/** The terminal as a platform: typed lines become group events, actions print. Used by {@code qunguan chat}. */
@NullMarked
package dev.qunguan.adapters.console;

import org.jspecify.annotations.NullMarked;
