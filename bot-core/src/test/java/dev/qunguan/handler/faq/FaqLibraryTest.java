package dev.qunguan.handler.faq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import dev.qunguan.faq.FaqMatcherFactory;
import dev.qunguan.script.ChatScript;
import dev.qunguan.script.ScriptBook;
import dev.qunguan.script.ScriptBooks;
import dev.qunguan.store.Database;
import dev.qunguan.store.FaqStore;
import dev.qunguan.testing.TestStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FaqLibraryTest {
    private static final ChatRef FIRST = ChatRef.of("onebot", "734001");
    private static final ChatRef SECOND = ChatRef.of("onebot", "734002");

    @TempDir
    Path dir;

    private Database database;
    private FaqStore store;
    private final AtomicInteger builds = new AtomicInteger();
    private FaqLibrary library;
    private ChatScript script;
    private ChatScript otherScript;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        store = database.stores().faq();
        FaqMatcherFactory counting = documents -> {
            builds.incrementAndGet();
            return FaqMatcherFactory.keywords().build(documents);
        };
        library = FaqLibrary.of(store, counting);
        ScriptBook scripts = ScriptBooks.fromDirectory(dir.resolve("scripts"), "zh-CN",
                database.stores().scriptOverrides(), Clock.systemUTC());
        script = scripts.forChat(FIRST);
        otherScript = scripts.forChat(SECOND);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void chatsWithoutEntriesOfTheirOwnShareOneIndexOfTheirScriptsFaq() {
        String question = script.faq().getFirst().question();
        assertThat(otherScript).as("each chat has a script object of its own").isNotSameAs(script);

        assertThat(library.match(FIRST, script, question)).map(FaqLibrary.Entry::question).contains(question);
        assertThat(library.match(SECOND, otherScript, question)).map(FaqLibrary.Entry::question).contains(question);
        assertThat(builds).hasValue(1);
    }

    @Test
    void aChatsOwnEntryGetsItsOwnIndexAndLeavesOtherChatsOnTheScripts() {
        String scriptQuestion = script.faq().getFirst().question();
        library.match(FIRST, script, scriptQuestion);
        library.match(SECOND, otherScript, scriptQuestion);

        store.add(FIRST, "几点上课", "每晚八点");
        library.changed(FIRST);

        assertThat(library.match(FIRST, script, "几点上课")).map(FaqLibrary.Entry::answer).contains("每晚八点");
        assertThat(library.match(FIRST, script, scriptQuestion)).map(FaqLibrary.Entry::question)
                .contains(scriptQuestion);
        assertThat(library.match(SECOND, otherScript, "几点上课")).isEmpty();
        assertThat(builds).hasValue(2);
    }
}
