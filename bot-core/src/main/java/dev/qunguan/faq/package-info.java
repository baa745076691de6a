/** The FAQ matching port: which entry of a group's FAQ, if any, a question asks for. */
@NullMarked
package dev.qunguan.faq;

import org.jspecify.annotations.NullMarked;
