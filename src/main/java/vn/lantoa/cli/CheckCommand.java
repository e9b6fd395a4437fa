package vn.lantoa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Warning;

/**
 * {@code lantoa check TỆP}: the warnings of a plan document, in Vietnamese, with where each was found. Exits 0 when
 * there are none, 3 when there are, 1 when the file is refused.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Kiểm tra một văn bản kế hoạch và in các cảnh báo (mâu thuẫn, thiếu số, bảng mã cũ…).")
public final class CheckCommand implements Callable<Integer> {

    static final int WARNINGS = 3;

    @Parameters(index = "0", paramLabel = "TỆP", description = "Tệp văn bản kế hoạch.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = ImportCommand.importOrExplain(file, spec.commandLine().getErr());
        if (plan == null) {
            return 1;
        }
        if (plan.warnings().isEmpty()) {
            out.println(file.getFileName() + ": không có cảnh báo.");
            out.flush();
            return 0;
        }
        out.println(file.getFileName() + ": " + plan.warnings().size() + " cảnh báo");
        int i = 1;
        for (Warning w : plan.warnings()) {
            out.println(i++ + ". " + w.message() + (w.where() == null || w.where().isBlank() ? "" : " — tại: " + w.where())
                    + " [" + w.code() + "]");
        }
        out.flush();
        return WARNINGS;
    }
}
