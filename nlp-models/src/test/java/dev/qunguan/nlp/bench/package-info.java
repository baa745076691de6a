/** JMH benchmarks for the classifier: throughput on typical lines, model load time. */
@NullMarked
package dev.qunguan.nlp.bench;

import org.jspecify.annotations.NullMarked;
