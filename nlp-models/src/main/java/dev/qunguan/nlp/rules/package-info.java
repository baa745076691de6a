/** The rule-based classifier: named signals found in normalised text, combined into a verdict. */
@NullMarked
package dev.qunguan.nlp.rules;

import org.jspecify.annotations.NullMarked;
