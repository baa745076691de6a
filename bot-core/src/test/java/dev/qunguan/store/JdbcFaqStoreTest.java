package dev.qunguan.store;

import dev.qunguan.testing.TestStorage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcFaqStoreTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "10001");
    private static final ChatRef OTHER_GROUP = ChatRef.of("onebot", "20002");

    @TempDir
    Path dir;

    private Database database;
    private FaqStore faq;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        faq = database.stores().faq();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void listsEntriesOfTheChatInTheOrderTheyWereAdded() {
        FaqEntry hours = faq.add(GROUP, "几点开门？", "每天九点。");
        FaqEntry wifi = faq.add(GROUP, "WiFi 密码是多少？", "问前台。");
        faq.add(OTHER_GROUP, "别的群的问题", "别的答案");

        assertThat(faq.list(GROUP)).containsExactly(hours, wifi);
        assertThat(hours.phrasings()).isEmpty();
    }

    @Test
    void phrasingsAreListedWithTheirEntryInTheOrderAdded() {
        FaqEntry hours = faq.add(GROUP, "几点开门？", "每天九点。");
        FaqEntry wifi = faq.add(GROUP, "WiFi 密码是多少？", "问前台。");

        assertThat(faq.addPhrasing(GROUP, hours.id(), "什么时候营业")).isTrue();
        assertThat(faq.addPhrasing(GROUP, hours.id(), "开门时间")).isTrue();

        assertThat(faq.list(GROUP)).containsExactly(
                new FaqEntry(hours.id(), "几点开门？", List.of("什么时候营业", "开门时间"), "每天九点。"),
                wifi);
    }

    @Test
    void addPhrasingRefusesAMissingEntryOrOneOfAnotherChat() {
        FaqEntry elsewhere = faq.add(OTHER_GROUP, "问题", "答案");

        assertThat(faq.addPhrasing(GROUP, elsewhere.id(), "换个说法")).isFalse();
        assertThat(faq.addPhrasing(GROUP, 9_999, "换个说法")).isFalse();
        assertThat(faq.list(OTHER_GROUP)).containsExactly(elsewhere);
    }

    @Test
    void deleteRemovesTheEntryAndItsPhrasings() throws SQLException {
        FaqEntry hours = faq.add(GROUP, "几点开门？", "每天九点。");
        faq.addPhrasing(GROUP, hours.id(), "什么时候营业");
        FaqEntry wifi = faq.add(GROUP, "WiFi 密码是多少？", "问前台。");

        assertThat(faq.delete(GROUP, hours.id())).isTrue();

        assertThat(faq.list(GROUP)).containsExactly(wifi);
        assertThat(phrasingRows()).isZero();
    }

    @Test
    void deleteReportsFalseForAnEntryOfAnotherChat() {
        FaqEntry elsewhere = faq.add(OTHER_GROUP, "问题", "答案");

        assertThat(faq.delete(GROUP, elsewhere.id())).isFalse();
        assertThat(faq.list(OTHER_GROUP)).containsExactly(elsewhere);
    }

    private int phrasingRows() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM faq_phrasing")) {
            row.next();
            return row.getInt(1);
        }
    }
}
