package dev.qunguan.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class WebhookResponseTest {

    @Test
    void refusesAHeaderValueThatWouldSplitTheHeaderLine() {
        WebhookResponse answer = WebhookResponse.noContent();

        assertThatThrownBy(() -> answer.withHeader("Retry-After", "1\r\nSet-Cookie: x=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Retry-After");
        assertThatThrownBy(() -> answer.withHeader("X-\nName", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsOrdinaryHeaders() {
        WebhookResponse answer = WebhookResponse.error(405, "method_not_allowed").withHeader("Allow", "POST");

        assertThat(answer.headers()).containsEntry("Allow", "POST");
        assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
    }
}
