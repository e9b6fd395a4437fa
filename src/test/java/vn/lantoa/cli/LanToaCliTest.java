package vn.lantoa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The command line answers in Vietnamese, whatever the machine's locale, and tells commands from Spring options. */
class LanToaCliTest {

    @Test
    void helpIsInVietnameseEvenOnAnEnglishMachine() {
        Locale before = Locale.getDefault();
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            Locale.setDefault(Locale.US);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(LanToaCli.run(new String[] {"--help"})).isZero();
        } finally {
            System.setOut(out);
            Locale.setDefault(before);
        }
        String help = captured.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("Cách dùng: lantoa", "Hiện hướng dẫn này rồi thoát.", "Lệnh:", "user");
    }

    @Test
    void commandsAreToldApartFromSpringOptions() {
        assertThat(LanToaCli.isCommand(new String[] {"user", "create-admin"})).isTrue();
        assertThat(LanToaCli.isCommand(new String[] {"--help"})).isTrue();
        assertThat(LanToaCli.isCommand(new String[] {"--server.port=9090"})).isFalse();
        assertThat(LanToaCli.isCommand(new String[0])).isFalse();
    }
}
