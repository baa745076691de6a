/** Test fixtures shared by every module's tests: a movable clock, the chat tester, event builders. */
@NullMarked
package dev.qunguan.testing;

import org.jspecify.annotations.NullMarked;
