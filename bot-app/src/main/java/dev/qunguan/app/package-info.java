/** The composition root: the command line and the wiring of core, adapters and models. No feature logic. */
@NullMarked
package dev.qunguan.app;

import org.jspecify.annotations.NullMarked;
