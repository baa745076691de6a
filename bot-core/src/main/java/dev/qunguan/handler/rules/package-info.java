/** Posts the group's rules when a member asks for them. */
@NullMarked
package dev.qunguan.handler.rules;

import org.jspecify.annotations.NullMarked;
