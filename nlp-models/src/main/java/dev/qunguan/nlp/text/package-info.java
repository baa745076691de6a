/** Text normalisation shared by every classifier and matcher: folds the tricks spammers use to dodge keywords. */
@NullMarked
package dev.qunguan.nlp.text;

import org.jspecify.annotations.NullMarked;
