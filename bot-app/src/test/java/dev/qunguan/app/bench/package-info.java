/** JMH benchmarks of the service as wired by the app (run with scripts/jmh). */
@NullMarked
package dev.qunguan.app.bench;

import org.jspecify.annotations.NullMarked;
