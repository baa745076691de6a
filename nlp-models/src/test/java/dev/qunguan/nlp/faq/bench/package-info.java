/** JMH benchmarks of FAQ matching: query latency and index build time at 10,000 entries. */
@NullMarked
package dev.qunguan.nlp.faq.bench;

import org.jspecify.annotations.NullMarked;
