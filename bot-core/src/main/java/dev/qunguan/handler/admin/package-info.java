/** Commands group admins type in chat: warnings, FAQ entries and reply scripts. */
@NullMarked
package dev.qunguan.handler.admin;

import org.jspecify.annotations.NullMarked;
