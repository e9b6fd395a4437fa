package vn.lantoa.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.lantoa.account.Administrators;
import vn.lantoa.shared.Problem;

/**
 * {@code lantoa user …}: accounts from the command line. Starts the application context without the web server, on
 * the database the usual settings point at ({@code --spring.profiles.active=postgres},
 * {@code LANTOA_DB_URL} …).
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Quản lý tài khoản người dùng.",
        synopsisHeading = "Cách dùng: ", commandListHeading = "%nLệnh:%n", optionListHeading = "%nTùy chọn:%n",
        subcommands = UserCommand.CreateAdmin.class)
public final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lantoa user create-admin --username X --unit U}: the first system administrator (S-24). */
    @Command(name = "create-admin", mixinStandardHelpOptions = true,
            description = {"Tạo một quản trị hệ thống, với mật khẩu dùng một lần phải đổi khi đăng nhập lần đầu.",
                "Các tùy chọn --spring.* và --lantoa.* được chuyển cho ứng dụng (ví dụ --spring.profiles.active=postgres)."},
            synopsisHeading = "Cách dùng: ", optionListHeading = "%nTùy chọn:%n")
    static final class CreateAdmin implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--username", required = true, description = "Tên đăng nhập (chữ thường không dấu, số, . _ -).")
        String username;

        @Option(names = "--unit", required = true, description = "Mã số hoặc tên ngắn của đơn vị.")
        String unit;

        @Option(names = "--create-unit",
                description = "Nếu chưa có đơn vị tên này, tạo nó làm đơn vị gốc (cơ sở dữ liệu mới còn trống).")
        boolean createUnit;

        @Option(names = "--password-stdin",
                description = "Đọc mật khẩu từ đầu vào chuẩn (một dòng) thay vì tạo ngẫu nhiên; vẫn phải đổi khi đăng nhập lần đầu.")
        boolean passwordFromStdin;

        @CommandLine.Unmatched
        List<String> applicationArguments = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (String argument : applicationArguments) {
                if (!argument.startsWith("--spring.") && !argument.startsWith("--lantoa.")
                        && !argument.startsWith("--logging.")) {
                    err.println("Tùy chọn không hợp lệ: " + argument);
                    return 2;
                }
            }
            String password = null;
            if (passwordFromStdin) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null || password.isEmpty()) {
                    err.println("Không đọc được mật khẩu từ đầu vào chuẩn.");
                    return 2;
                }
            }
            List<String> arguments = new ArrayList<>(applicationArguments);
            arguments.add("--spring.main.log-startup-info=false");
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application())
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                    .run(arguments.toArray(String[]::new))) {
                Administrators.Created created = context.getBean(Administrators.class)
                        .create(username, unit, createUnit, password);
                out.printf("Đã tạo quản trị hệ thống \"%s\" (mã %d) thuộc đơn vị \"%s\" (mã %d).%n", created.username(),
                        created.userId(), created.unitShortName(), created.unitId());
                if (created.oneTimePassword() != null) {
                    out.println("Mật khẩu dùng một lần (chỉ hiện lần này): " + created.oneTimePassword());
                }
                out.println("Người dùng phải đổi mật khẩu này khi đăng nhập lần đầu.");
                return 0;
            } catch (Problem problem) {
                err.println("Lỗi: " + problem.defaultMessage());
                return 1;
            }
        }

        /**
         * The application class, looked up by name: the application's main method calls the command line, so a
         * compile-time reference back would make the two packages a cycle.
         */
        static Class<?> application() {
            try {
                return Class.forName(APPLICATION);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final String APPLICATION = "vn.lantoa.LanToaApplication";
}
