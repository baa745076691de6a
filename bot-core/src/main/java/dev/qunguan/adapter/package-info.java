/** The platform adapter SPI: webhook routes that decode raw requests and adapters that perform actions. */
@NullMarked
package dev.qunguan.adapter;

import org.jspecify.annotations.NullMarked;
