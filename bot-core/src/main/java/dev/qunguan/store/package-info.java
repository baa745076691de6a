/** Storage ports, one per aggregate, with their JDBC implementations and migrations. */
@NullMarked
package dev.qunguan.store;

import org.jspecify.annotations.NullMarked;
