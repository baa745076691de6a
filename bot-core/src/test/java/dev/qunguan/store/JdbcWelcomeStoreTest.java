package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import dev.qunguan.testing.TestStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcWelcomeStoreTest {
    private static final Instant T = Instant.parse("2025-03-10T01:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(20);
    private static final ChatRef CHAT = ChatRef.of("test", "10000");

    @TempDir
    Path dir;

    private Database database;
    private Database secondNode;
    private WelcomeStore welcomes;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        secondNode = Database.open(TestStorage.forDirectory(dir));
        welcomes = database.stores().welcomes();
    }

    @AfterEach
    void close() {
        secondNode.close();
        database.close();
    }

    private static UserRef member(String id) {
        return UserRef.member(id, "成员" + id);
    }

    @Test
    void theFirstJoinIsGreetedAtOnceAndTheNextWaitsForTheWindowToEnd() {
        assertThat(welcomes.admit(CHAT, member("1"), T, WINDOW)).isEmpty();

        assertThat(welcomes.admit(CHAT, member("2"), T.plusSeconds(5), WINDOW)).contains(T.plus(WINDOW));
        assertThat(welcomes.admit(CHAT, member("3"), T.plusSeconds(30), WINDOW))
                .as("someone waits, so the window's end has passed but nobody is greeted alone")
                .contains(T.plusSeconds(30));
    }

    @Test
    void waitingMembersAreTakenOnceInJoinOrderWhoeverAdmittedThem() {
        welcomes.admit(CHAT, member("1"), T, WINDOW);
        welcomes.admit(CHAT, member("2"), T.plusSeconds(1), WINDOW);
        secondNode.stores().welcomes().admit(CHAT, member("3"), T.plusSeconds(2), WINDOW);
        welcomes.admit(CHAT, member("4"), T.plusSeconds(3), WINDOW);
        secondNode.stores().welcomes().forget(CHAT, "4");

        assertThat(secondNode.stores().welcomes().takeWaiting(CHAT, T.plus(WINDOW)))
                .extracting(UserRef::id).containsExactly("2", "3");
        assertThat(welcomes.takeWaiting(CHAT, T.plus(WINDOW))).isEmpty();
        assertThat(welcomes.admit(CHAT, member("5"), T.plus(WINDOW).plusSeconds(1), WINDOW))
                .as("greeted at the window's end, so the next join waits again")
                .contains(T.plus(WINDOW).plus(WINDOW));
    }

    @Test
    void ofJoinsArrivingOnTwoNodesAtOnceAfterAQuietSpellExactlyOneIsGreetedAtOnce() throws Exception {
        List<WelcomeStore> nodes = List.of(welcomes, secondNode.stores().welcomes());
        int joins = 40;
        ExecutorService lanes = Executors.newFixedThreadPool(8);
        List<Optional<Instant>> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<Instant>>> admitted = new ArrayList<>();
            for (int i = 0; i < joins; i++) {
                WelcomeStore node = nodes.get(i % 2);
                UserRef member = member(Integer.toString(i));
                admitted.add(lanes.submit(() -> {
                    go.await();
                    return node.admit(CHAT, member, T, WINDOW);
                }));
            }
            go.countDown();
            for (Future<Optional<Instant>> answer : admitted) {
                answers.add(answer.get());
            }
        } finally {
            lanes.shutdownNow();
        }

        assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(1);
        assertThat(welcomes.takeWaiting(CHAT, T.plus(WINDOW))).hasSize(joins - 1);
    }
}
