/** The bot introduces itself once when it is added to a group. */
@NullMarked
package dev.qunguan.handler.intro;

import org.jspecify.annotations.NullMarked;
