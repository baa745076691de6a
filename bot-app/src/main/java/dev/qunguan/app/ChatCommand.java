package dev.qunguan.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.qunguan.adapters.console.ConsoleChat;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.runtime.BotRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code qunguan chat}: a terminal group chat with the bot. Typed lines become the same core events a
 * platform would deliver, so they run through the real handler chain, scripts and store.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Try the bot in a terminal group-chat simulator (/as NAME, /as admin, /join NAME, /leave NAME, /quit).")
final class ChatCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: ./qunguan.yaml)")
    Path config;

    @Option(names = "--group", paramLabel = "ID", description = "simulated group id (default: ${DEFAULT-VALUE})")
    String group = "demo";

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // the simulator's screen is the conversation: only problems are logged
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        QunguanConfig loaded = ConfigFile.load(config == null ? ConfigFile.DEFAULT : config, config != null, out);
        ConsoleChat console = new ConsoleChat(group, out, Clock.systemUTC());
        try (BotRuntime runtime = Wiring.runtime(loaded).adapter(console.adapter()).serveWebhooks(false).start()) {
            console.attach(runtime::submit);
            Wiring.warmFaqDictionariesInBackground();
            console.printBanner();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            console.prompt();
            String line;
            while ((line = in.readLine()) != null) {
                if (!console.handle(line)) {
                    break;
                }
                console.prompt();
            }
            console.finish();
        }
        return 0;
    }
}
