package dev.qunguan.app;

import dev.qunguan.config.ConfigException;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code qunguan <subcommand>}: the entry point scripts/qunguan runs. */
@Command(name = "qunguan", mixinStandardHelpOptions = true, version = "qunguan 0.1.0",
        description = "Chinese-first group assistant: welcome, check-in, FAQ and moderation for chat groups.",
        subcommands = {ServeCommand.class, ChatCommand.class, ExportCommand.class, ClassifyCommand.class,
                EvalCommand.class, TrainCommand.class, FaqCommand.class, FaqEvalCommand.class,
                WarmUpCommand.class})
public final class Main implements Runnable {
    /** Subcommands that start the runtime and so need the models (loading them takes the longest). */
    private static final Set<String> LOADS_MODELS = Set.of("serve", "chat", "warm-up");

    private static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    public static void main(String[] args) {
        // Netty's default leak detector records a stack trace for one buffer in 128, about 2 % of the
        // webhook threads' time under load; the fuzz tests run it at paranoid. -D... still turns it on.
        if (System.getProperty(LEAK_DETECTION) == null) {
            System.setProperty(LEAK_DETECTION, "disabled");
        }
        if (args.length > 0 && LOADS_MODELS.contains(args[0])) {
            Wiring.startLoadingModels();
        }
        ServeCommand serve = ServeCommand.withoutCommandLineParser(args);
        System.exit(serve != null ? runDirectly(serve) : run(args));
    }

    /** Runs a subcommand and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    if (failure instanceof ConfigException badConfig) {
                        return reportBadConfig(badConfig);
                    }
                    throw failure;
                })
                .execute(args);
    }

    /** The service's own start, as picocli would run it, without picocli. */
    private static int runDirectly(ServeCommand serve) {
        try {
            return serve.call();
        } catch (ConfigException badConfig) {
            return reportBadConfig(badConfig);
        } catch (Exception failure) {
            failure.printStackTrace();
            return 1;
        }
    }

    /** A configuration mistake is the user's to fix: say what it is, without a stack trace. */
    private static int reportBadConfig(ConfigException badConfig) {
        System.err.println("qunguan: " + badConfig.getMessage());
        return 1;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
