package dev.qunguan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RequestTargetTest {
    @Test
    void takesAPlainWebhookPathAsItIsWithNoQuery() {
        assertThat(RequestTarget.parse("/webhook/onebot")).isEqualTo(new RequestTarget("/webhook/onebot", Map.of()));
    }

    @Test
    void decodesPercentEncodingAndQueryParameters() {
        assertThat(RequestTarget.parse("/webhook/%E7%BE%A4?token=a%20b&token=c&x"))
                .isEqualTo(new RequestTarget("/webhook/群", Map.of("token", List.of("a b", "c"), "x", List.of(""))));
    }

    @Test
    void refusesBrokenPercentEncoding() {
        assertThat(RequestTarget.parse("/%ZZ")).isNull();
    }
}
