/**
 * The trained message classifier: features over normalised text, an OpenNLP maxent model with
 * calibrated confidence, sensitivity thresholds, training, evaluation and command-line tool entry points.
 */
@NullMarked
package dev.qunguan.nlp.model;

import org.jspecify.annotations.NullMarked;
