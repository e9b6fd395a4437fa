package vn.lantoa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

import vn.lantoa.cli.LanToaCli;

/**
 * Lan Tỏa: công tác tuyên truyền theo kế hoạch, từ ban hành đến báo cáo tổng hợp.
 *
 * <p>One jar, two faces: with no arguments (or Spring options only) it starts the web application; with a
 * command as its first argument ({@code import}, {@code check}, {@code user} …) it runs the command line,
 * which starts Spring only for the commands that need the database.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class LanToaApplication {

    public static void main(String[] args) {
        if (LanToaCli.isCommand(args)) {
            System.exit(LanToaCli.run(args));
        }
        SpringApplication.run(LanToaApplication.class, args);
    }
}
