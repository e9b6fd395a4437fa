package vn.lantoa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vn.lantoa.document.DocumentFormat;
import vn.lantoa.document.DocumentRenderer;
import vn.lantoa.document.RenderOptions;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanFormatException;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.planformat.PlanViolation;

/**
 * {@code lantoa render plan.json -o out.docx|out.pdf}: a plan (lantoa.plan/1) as the official document, in the form of
 * its system valid on its issue date, without starting the application. Exits 0 when written, 1 when the plan or the
 * output name is refused.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Xuất kế hoạch (JSON lantoa.plan/1) thành văn bản .docx hoặc .pdf theo thể thức Đảng hoặc Nhà nước.")
public final class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "plan.json", description = "Tệp kế hoạch JSON lantoa.plan/1.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "TỆP.docx|TỆP.pdf",
            description = "Tệp văn bản cần ghi; định dạng theo đuôi tệp (.docx hoặc .pdf).")
    Path output;

    @Option(names = "--superior", paramLabel = "TÊN",
            description = "Cơ quan chủ quản / cấp ủy cấp trên in phía trên tên cơ quan ban hành.")
    String superior;

    @Option(names = "--unit", paramLabel = "VIẾT TẮT",
            description = "Tên viết tắt đơn vị soạn thảo cho dòng \"Lưu: VT, …\" (văn bản Nhà nước).")
    String draftingUnit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DocumentFormat format = DocumentFormat.ofFileName(output.getFileName().toString());
        if (format == null) {
            err.println("Tệp đầu ra phải có đuôi .docx hoặc .pdf: " + output);
            err.flush();
            return 1;
        }
        Plan plan;
        try {
            plan = PlanJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("Không đọc được tệp: " + file);
            err.flush();
            return 1;
        } catch (PlanFormatException e) {
            err.println(file.getFileName() + " không phải kế hoạch lantoa.plan/1 hợp lệ:");
            for (PlanViolation v : e.violations()) {
                err.println("- " + (v.pointer() == null || v.pointer().isEmpty() ? "" : v.pointer() + ": ") + v.message());
            }
            err.flush();
            return 1;
        }
        DocumentRenderer renderer = DocumentRenderer.bundled();
        byte[] bytes = renderer.render(plan, format, new RenderOptions(superior, draftingUnit));
        try {
            Files.write(output, bytes);
        } catch (IOException e) {
            err.println("Không ghi được tệp: " + output + " (" + e.getMessage() + ")");
            err.flush();
            return 1;
        }
        err.println("Đã ghi " + output + " (" + bytes.length / 1024 + " KB, thể thức "
                + renderer.profileOf(plan).name() + ").");
        err.flush();
        return 0;
    }
}
