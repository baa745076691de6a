package dev.qunguan.app;

import dev.qunguan.config.QunguanConfig;
import dev.qunguan.runtime.BotRuntime;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qunguan serve}: runs the webhook service until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the webhook service (default config ./qunguan.yaml, written on first run).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: ./qunguan.yaml)")
    Path config;

    /**
     * {@code serve} or {@code serve --config FILE}, the service's own start, read without picocli: loading
     * picocli's classes (Java 5 class files, which the JVM's start-up cache cannot hold) and building its
     * command model took about half a second of every start. Null for anything else ({@code --help}, other
     * options, other commands), which goes through picocli as usual.
     */
    static @Nullable ServeCommand withoutCommandLineParser(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            return null;
        }
        ServeCommand serve = new ServeCommand();
        if (args.length == 1) {
            return serve;
        }
        if (args.length == 2 && args[1].startsWith("--config=") && args[1].length() > "--config=".length()) {
            serve.config = Path.of(args[1].substring("--config=".length()));
            return serve;
        }
        if (args.length == 3 && args[1].equals("--config") && !args[2].startsWith("-")) {
            serve.config = Path.of(args[2]);
            return serve;
        }
        return null;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        QunguanConfig loaded = ConfigFile.load(config == null ? ConfigFile.DEFAULT : config, config != null, out);
        long started = System.nanoTime();
        BotRuntime runtime = Wiring.runtime(loaded).serveWebhooks(true).start();
        Wiring.warmFaqDictionariesInBackground();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "qunguan-shutdown"));
        out.printf("qunguan is running (started in %d ms). Storage: %s%n",
                (System.nanoTime() - started) / 1_000_000, loaded.storage().url());
        out.println("Point your platform's webhook (HTTP POST) at:");
        for (String path : runtime.webhookPaths()) {
            for (String host : hostsToShow(loaded.server().host())) {
                out.printf("  http://%s:%d%s%n", host, runtime.port(), path);
            }
        }
        out.printf("Health: http://127.0.0.1:%d/healthz   Metrics: http://127.0.0.1:%d/metrics%n",
                runtime.port(), runtime.port());
        out.println("Try the bot without a platform: scripts/qunguan chat. Stop with Ctrl+C.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static List<String> hostsToShow(String bindHost) {
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            return List.of(bindHost);
        }
        List<String> hosts = new ArrayList<>();
        hosts.add("127.0.0.1");
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        hosts.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // listing interfaces is only a convenience; loopback is always right
        }
        return hosts;
    }
}
