/** Reply scripts as data: per-group templates, triggers, settings and locales. */
@NullMarked
package dev.qunguan.script;

import org.jspecify.annotations.NullMarked;
