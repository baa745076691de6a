package dev.qunguan.script;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Why a script file is not (fully) in force: where the mistake is and what it is. While a file has
 * problems, the last version of it that loaded cleanly stays active.
 *
 * @param file       the script file
 * @param line       1-based line, or 0 when the problem concerns the whole file
 * @param column     1-based column, or 0 when unknown
 * @param message    what is wrong, naming the key or setting
 * @param detectedAt when the problem was found
 */
public record ScriptProblem(Path file, int line, int column, String message, Instant detectedAt) {
    public ScriptProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detectedAt, "detectedAt");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line/column: " + line + "/" + column + " (expected: >= 0)");
        }
    }

    /** {@code file:line:column: message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
