/** Answers members' questions from the group's FAQ entries. */
@NullMarked
package dev.qunguan.handler.faq;

import org.jspecify.annotations.NullMarked;
