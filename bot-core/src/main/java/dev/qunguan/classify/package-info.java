/** The classifier port: what kind of message this is (ad, abuse, question, normal). */
@NullMarked
package dev.qunguan.classify;

import org.jspecify.annotations.NullMarked;
