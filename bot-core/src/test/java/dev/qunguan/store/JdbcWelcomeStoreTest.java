package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import dev.qunguan.event.UserRef;
import dev.qunguan.store.WelcomeStore.Admission;
import dev.qunguan.testing.TestStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        assertThat(welcomes.admit(CHAT, member("1"), "join-1", T, WINDOW)).isEqualTo(new Admission.GreetNow());

        assertThat(welcomes.admit(CHAT, member("2"), "join-2", T.plusSeconds(5), WINDOW))
                .isEqualTo(new Admission.Wait(T.plus(WINDOW)));
        assertThat(welcomes.admit(CHAT, member("3"), "join-3", T.plusSeconds(30), WINDOW))
                .as("someone waits, so the window's end has passed but nobody is greeted alone")
                .isEqualTo(new Admission.Wait(T.plusSeconds(30)));
    }

    @Test
    void aJoinHandledAgainOnAnotherNodeGetsItsFirstAnswerUntilTheMergedGreetingNamedTheMember() {
        WelcomeStore otherNode = secondNode.stores().welcomes();
        assertThat(welcomes.admit(CHAT, member("1"), "join-1", T, WINDOW)).isEqualTo(new Admission.GreetNow());
        assertThat(welcomes.admit(CHAT, member("2"), "join-2", T.plusSeconds(5), WINDOW))
                .isEqualTo(new Admission.Wait(T.plus(WINDOW)));

        // The first node died before completing either delivery; the platform redelivers them elsewhere.
        assertThat(otherNode.admit(CHAT, member("1"), "join-1", T.plusSeconds(20), WINDOW))
                .as("its greeting never reached the outbox, so it is given again")
                .isEqualTo(new Admission.GreetNow());
        assertThat(otherNode.admit(CHAT, member("2"), "join-2", T.plusSeconds(20), WINDOW))
                .as("still waiting: the timer is asked for again, the member is not queued twice")
                .isEqualTo(new Admission.Wait(T.plus(WINDOW)));
        assertThat(otherNode.takeWaiting(CHAT, T.plus(WINDOW))).extracting(UserRef::id).containsExactly("2");

        assertThat(welcomes.admit(CHAT, member("2"), "join-2", T.plus(WINDOW).plusSeconds(1), WINDOW))
                .as("named by the merged greeting since")
                .isEqualTo(new Admission.AlreadyAdmitted());
        assertThat(welcomes.takeWaiting(CHAT, T.plus(WINDOW).plusSeconds(2))).isEmpty();
        assertThat(welcomes.admit(CHAT, member("2"), "join-2-again", T.plus(WINDOW).plusSeconds(3), WINDOW))
                .as("a new join of the same member is a new join")
                .isEqualTo(new Admission.Wait(T.plus(WINDOW).plus(WINDOW)));
    }

    @Test
    void waitingMembersAreTakenOnceInJoinOrderWhoeverAdmittedThem() {
        welcomes.admit(CHAT, member("1"), "join-1", T, WINDOW);
        welcomes.admit(CHAT, member("2"), "join-2", T.plusSeconds(1), WINDOW);
        secondNode.stores().welcomes().admit(CHAT, member("3"), "join-3", T.plusSeconds(2), WINDOW);
        welcomes.admit(CHAT, member("4"), "join-4", T.plusSeconds(3), WINDOW);
        secondNode.stores().welcomes().forget(CHAT, "4");

        assertThat(secondNode.stores().welcomes().takeWaiting(CHAT, T.plus(WINDOW)))
                .extracting(UserRef::id).containsExactly("2", "3");
        assertThat(welcomes.takeWaiting(CHAT, T.plus(WINDOW))).isEmpty();
        assertThat(welcomes.admit(CHAT, member("5"), "join-5", T.plus(WINDOW).plusSeconds(1), WINDOW))
                .as("greeted at the window's end, so the next join waits again")
                .isEqualTo(new Admission.Wait(T.plus(WINDOW).plus(WINDOW)));
    }

    @Test
    void ofJoinsArrivingOnTwoNodesAtOnceAfterAQuietSpellExactlyOneIsGreetedAtOnce() throws Exception {
        List<WelcomeStore> nodes = List.of(welcomes, secondNode.stores().welcomes());
        int joins = 40;
        ExecutorService lanes = Executors.newFixedThreadPool(8);
        List<Admission> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Admission>> admitted = new ArrayList<>();
            for (int i = 0; i < joins; i++) {
                WelcomeStore node = nodes.get(i % 2);
                UserRef member = member(Integer.toString(i));
                admitted.add(lanes.submit(() -> {
                    go.await();
                    return node.admit(CHAT, member, "join-" + member.id(), T, WINDOW);
                }));
            }
            go.countDown();
            for (Future<Admission> answer : admitted) {
                answers.add(answer.get());
            }
        } finally {
            lanes.shutdownNow();
        }

        assertThat(answers.stream().filter(Admission.GreetNow.class::isInstance)).hasSize(1);
        assertThat(welcomes.takeWaiting(CHAT, T.plus(WINDOW))).hasSize(joins - 1);
    }
}
