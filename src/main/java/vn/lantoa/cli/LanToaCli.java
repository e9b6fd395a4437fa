package vn.lantoa.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of Lan Tỏa. Each command is a class of its own in this package, listed in {@link #COMMANDS}. */
@Command(name = "lantoa", mixinStandardHelpOptions = true, versionProvider = LanToaCli.Version.class,
        description = "Lan Tỏa: quản lý công tác tuyên truyền theo kế hoạch.",
        commandListHeading = "%nLệnh:%n", synopsisHeading = "Cách dùng: ", optionListHeading = "%nTùy chọn:%n")
public final class LanToaCli {

    /** Every command, by class. Add new commands here. */
    private static final List<Class<?>> COMMANDS = List.of(UserCommand.class, ImportCommand.class, CheckCommand.class,
            GenerateCommand.class, RenderCommand.class);

    private LanToaCli() {
    }

    /** Whether the arguments name a command (otherwise they are Spring options for the web application). */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return names().contains(first) || Set.of("help", "--help", "-h", "--version", "-V").contains(first);
    }

    private static Set<String> names() {
        return commandLine().getSubcommands().keySet();
    }

    /** Runs a command; returns the process exit code. */
    public static int run(String[] args) {
        CommandLine cli = commandLine();
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        if (args.length > 0 && args[0].equals("help")) {
            args = new String[] {"--help"};
        }
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LanToaCli());
        // Vietnamese help texts whatever the machine's locale (the English file is for translators).
        cli.setResourceBundle(java.util.ResourceBundle.getBundle("i18n/cli", java.util.Locale.ROOT));
        for (Class<?> command : COMMANDS) {
            cli.addSubcommand(command);
        }
        cli.getSubcommands().values().forEach(sub -> {
            if (sub.getCommandSpec().resourceBundle() == null) {
                sub.setResourceBundle(cli.getResourceBundle());
            }
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LanToaCli.class.getPackage().getImplementationVersion();
            return new String[] {"Lan Tỏa " + (version == null ? "(bản phát triển)" : version)};
        }
    }
}
