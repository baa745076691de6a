/** Typed, validated configuration and its YAML loader with environment overrides. */
@NullMarked
package dev.qunguan.config;

import org.jspecify.annotations.NullMarked;
