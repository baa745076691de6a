/** FAQ matching: finds the knowledge-base entry a question paraphrases, or abstains when none fits. */
@NullMarked
package dev.qunguan.nlp.faq;

import org.jspecify.annotations.NullMarked;
