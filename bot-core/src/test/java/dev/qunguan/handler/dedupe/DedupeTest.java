package dev.qunguan.handler.dedupe;

import dev.qunguan.classify.Classification;
import dev.qunguan.classify.Classifier;
import dev.qunguan.classify.Label;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.testing.ChatTester;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DedupeTest {
    private static final Classifier ADS = text -> text.contains("加微信")
            ? new Classification(Label.AD, 0.97, Map.of(Label.AD, 0.97), List.of("contact-solicitation"))
            : Classification.certain(Label.NORMAL, List.of());

    @TempDir
    Path dir;

    @Test
    void sameDeliveryTwiceIsAnsweredOnce() {
        try (ChatTester tester = ChatTester.create(dir)) {
            MessageReceived checkIn = tester.as("小明").message("签到");

            tester.deliver(checkIn).shouldReplyContaining("第1位");
            tester.deliver(checkIn).shouldSayNothing();
        }
    }

    @Test
    void repeatedDeliveryOfAnAdCountsOneWarning() {
        try (ChatTester tester = ChatTester.builder(dir).classifier(ADS).build()) {
            MessageReceived ad = tester.as("小明").message("加微信领福利");

            tester.deliver(ad).shouldDelete();
            tester.deliver(ad).shouldSayNothing();

            // Had the repeat counted, this would be the third warning and a removal.
            tester.as("小明").says("加微信看看").shouldMute(Duration.ofMinutes(10)).shouldNotRemove();
        }
    }

    @Test
    void redeliveryAfterARestartIsStillDropped() {
        try (ChatTester tester = ChatTester.create(dir)) {
            MessageReceived checkIn = tester.as("小明").message("签到");
            tester.deliver(checkIn);

            tester.restart();

            tester.deliver(checkIn).shouldSayNothing();
        }
    }
}
