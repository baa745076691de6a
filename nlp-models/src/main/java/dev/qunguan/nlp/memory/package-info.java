/** Per-group memory of admin corrections (/ad, /notad) recalled for the same or nearly the same text. */
@NullMarked
package dev.qunguan.nlp.memory;

import org.jspecify.annotations.NullMarked;
