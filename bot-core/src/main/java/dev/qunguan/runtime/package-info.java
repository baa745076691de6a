/** Assembles a running bot from configuration: store, scripts, handler chain, dispatcher, sender, server, timers. */
@NullMarked
package dev.qunguan.runtime;

import org.jspecify.annotations.NullMarked;
