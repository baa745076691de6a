package dev.qunguan.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.store.DataExport;
import dev.qunguan.store.Database;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qunguan export}: every stored record as JSON Lines on stdout, each with a {@code type}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print stored records (check-ins, warnings, FAQ, script overrides...) as JSON Lines.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: ./qunguan.yaml)")
    Path config;

    @Option(names = "--group", paramLabel = "ID", description = "only this group (its id, or platform:id)")
    String group;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        QunguanConfig loaded = ConfigFile.load(config == null ? ConfigFile.DEFAULT : config, config != null, System.err);
        ObjectMapper json = new ObjectMapper();
        try (Database database = Database.open(loaded.storage())) {
            DataExport.of(database).export(group, record -> {
                try {
                    out.println(json.writeValueAsString(record));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        out.flush();
        return 0;
    }
}
