package vn.lantoa.cli;

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

import vn.lantoa.importing.ImportLimits;
import vn.lantoa.importing.PlanImporter;
import vn.lantoa.importing.PlanParser;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.shared.Problem;

/** {@code lantoa import TỆP [-o plan.json]}: a plan document to its JSON, without starting the application. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Đọc một văn bản kế hoạch (.docx, .pdf, .txt, .md) và xuất dữ liệu kế hoạch (JSON lantoa.plan/1).")
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TỆP", description = "Tệp văn bản kế hoạch.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "plan.json",
            description = "Ghi JSON vào tệp này (mặc định: in ra màn hình).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan plan = ImportCommand.importOrExplain(file, err);
        if (plan == null) {
            return 1;
        }
        String json = PlanJson.write(plan);
        if (output != null) {
            Files.writeString(output, json + "\n", StandardCharsets.UTF_8);
            err.println("Đã ghi " + output + " (" + plan.warnings().size() + " cảnh báo).");
        } else {
            out.println(json);
        }
        out.flush();
        return 0;
    }

    /** The plan of a file, or null after printing in Vietnamese why the file was refused. */
    static Plan importOrExplain(Path file, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println("Không tìm thấy tệp: " + file);
            err.flush();
            return null;
        }
        try (PlanImporter importer = new PlanImporter(ImportLimits.configured(System::getProperty), PlanParser::parse)) {
            return importer.importFile(file, file.getFileName().toString());
        } catch (Problem refused) {
            err.println("Không nhập được " + file.getFileName() + ": " + refused.defaultMessage() + " [" + refused.code() + "]");
            err.flush();
            return null;
        }
    }
}
