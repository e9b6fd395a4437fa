package vn.lantoa.cli;

import java.io.PrintWriter;
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
import vn.lantoa.cascade.NationalTree;

/**
 * {@code lantoa generate}: the synthetic national tree of the benchmarks (34 provinces, 3,321 communes and wards,
 * about 60,000 units) and a national plan cascaded through it with late, missing and draft units, in the database the
 * usual settings point at.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Sinh cây đơn vị toàn quốc giả lập (34 tỉnh, 3.321 xã/phường, khoảng 60.000 đơn vị) và một kế "
                + "hoạch toàn quốc được triển khai xuống các cấp (có đơn vị chậm, chưa xây dựng, còn dự thảo).",
            "Các tùy chọn --spring.* và --lantoa.* được chuyển cho ứng dụng (ví dụ --spring.profiles.active=postgres)."},
        synopsisHeading = "Cách dùng: ", optionListHeading = "%nTùy chọn:%n")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--provinces", defaultValue = "34", description = "Số tỉnh, thành phố (1–34; mặc định 34).")
    int provinces;

    @Option(names = "--communes", defaultValue = "3321", description = "Tổng số xã, phường (mặc định 3321).")
    int communes;

    @Option(names = "--cells", defaultValue = "7", description = "Số chi bộ mỗi xã, phường (mặc định 7).")
    int cells;

    @Option(names = "--seed", defaultValue = "42", description = "Hạt giống ngẫu nhiên (mặc định 42).")
    long seed;

    @Option(names = "--tag", defaultValue = "", description = "Chuỗi thêm vào tên mọi đơn vị (để sinh nhiều lần).")
    String tag;

    @CommandLine.Unmatched
    List<String> applicationArguments = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String argument : applicationArguments) {
            if (!argument.startsWith("--spring.") && !argument.startsWith("--lantoa.")
                    && !argument.startsWith("--logging.")) {
                err.println("Tùy chọn không hợp lệ: " + argument);
                return 2;
            }
        }
        NationalTree.Settings settings;
        try {
            settings = new NationalTree.Settings(provinces, communes, cells, seed, tag);
        } catch (IllegalArgumentException e) {
            err.println("Tham số không hợp lệ: cần 1–34 tỉnh và ít nhất một xã mỗi tỉnh.");
            return 2;
        }
        List<String> arguments = new ArrayList<>(applicationArguments);
        arguments.add("--spring.main.log-startup-info=false");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UserCommand.CreateAdmin.application())
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(arguments.toArray(String[]::new))) {
            NationalTree.Tree tree = context.getBean(NationalTree.class).generate(settings);
            out.printf("Đã sinh %,d đơn vị (%d tỉnh, %,d xã/phường) trong %d ms; đơn vị gốc mã %d.%n", tree.units(),
                    tree.provinces().size(), tree.communes().stream().mapToInt(List::size).sum(),
                    tree.took().toMillis(), tree.rootId());
            out.flush();
            return 0;
        }
    }
}
