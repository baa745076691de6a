package dev.qunguan.nlp.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qunguan.classify.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads labelled JSON Lines ({"text", "label", "source"?}); a bad line fails with its file and line number. */
final class JsonLines {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {}

    static List<LabelledText> read(List<Path> files) throws IOException {
        List<LabelledText> lines = new ArrayList<>();
        for (Path file : files) {
            lines.addAll(read(file));
        }
        return lines;
    }

    static List<LabelledText> read(Path file) throws IOException {
        List<LabelledText> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    lines.add(parse(line));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        return lines;
    }

    static LabelledText parse(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        JsonNode text = node.get("text");
        JsonNode label = node.get("label");
        if (text == null || !text.isTextual() || label == null || !label.isTextual()) {
            throw new IllegalArgumentException("expected string fields \"text\" and \"label\"");
        }
        Label parsed = Label.valueOf(label.asText().toUpperCase(Locale.ROOT));
        return new LabelledText(text.asText(), parsed, node.path("source").asText(""));
    }
}
