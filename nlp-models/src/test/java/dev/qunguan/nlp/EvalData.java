package dev.qunguan.nlp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the public evaluation data (../shared/eval beside the repository, or where
 * {@code QUNGUAN_EVAL_DIR} points). A fresh clone has none, so tests that need it skip.
 */
public final class EvalData {
    private EvalData() {}

    /** The directory that holds every one of {@code files}, if there is one. */
    public static Optional<Path> directoryWith(String... files) {
        return Stream.of(
                        System.getProperty("QUNGUAN_EVAL_DIR"),
                        System.getProperty("qunguan.eval.dir"),
                        System.getenv("QUNGUAN_EVAL_DIR"),
                        "../../shared/eval",
                        "../shared/eval",
                        "../../../shared/eval")
                .filter(dir -> dir != null && !dir.isBlank())
                .map(Path::of)
                .filter(dir -> Arrays.stream(files).allMatch(file -> Files.isRegularFile(dir.resolve(file))))
                .findFirst();
    }

    /** The file, if the evaluation data is there. */
    public static Optional<Path> file(String file) {
        return directoryWith(file).map(dir -> dir.resolve(file));
    }
}
