package dev.qunguan.app;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 response read byte by byte off a raw socket, strictly: a malformed status line, header or
 * length is an {@link IOException}, so a test sees exactly what the server put on the wire.
 */
record RawHttpResponse(int status, Map<String, String> headers, byte[] body) {
    private static final int MAX_LINE = 16 * 1024;

    String bodyText() {
        return new String(body, UTF_8);
    }

    /**
     * Reads the next final response, skipping interim 1xx ones.
     *
     * @param head the request was HEAD, so the response has a length but no body
     * @return null when the connection was closed cleanly before a response began
     */
    static @Nullable RawHttpResponse read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in, true);
            if (statusLine == null) {
                return null;
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].equals("HTTP/1.1") || !parts[1].matches("\\d{3}")) {
                throw new IOException("malformed status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String header = line(in, false); !header.isEmpty(); header = line(in, false)) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header line: " + header);
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (headers.put(name, header.substring(colon + 1).trim()) != null) {
                    throw new IOException("repeated header " + name);
                }
            }
            if (status >= 100 && status < 200) {
                continue; // 100 Continue before the final answer
            }
            if (status == 204) {
                // No body by definition, and RFC 9110 forbids it a Content-Length.
                if (headers.containsKey("content-length") || headers.containsKey("transfer-encoding")) {
                    throw new IOException("204 with a body length: " + headers);
                }
                return new RawHttpResponse(status, headers, new byte[0]);
            }
            String length = headers.get("content-length");
            if (length == null || !length.matches("\\d{1,9}")) {
                throw new IOException("status " + status + " without a usable content-length: " + headers);
            }
            byte[] body = head ? new byte[0] : in.readNBytes(Integer.parseInt(length));
            if (body.length != (head ? 0 : Integer.parseInt(length))) {
                throw new IOException("connection closed inside a " + status + " body");
            }
            return new RawHttpResponse(status, headers, body);
        }
    }

    private static @Nullable String line(InputStream in, boolean eofAllowed) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (eofAllowed && bytes.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed mid-response after: " + bytes.toString(ISO_8859_1));
            }
            if (bytes.size() > MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE);
            }
            bytes.write(b);
        }
        String text = bytes.toString(ISO_8859_1);
        if (!text.endsWith("\r")) {
            throw new IOException("line not ended by CRLF: " + text);
        }
        return text.substring(0, text.length() - 1);
    }
}
