/** Deletes ads and abuse and walks offenders up the warning ladder. */
@NullMarked
package dev.qunguan.handler.moderation;

import org.jspecify.annotations.NullMarked;
