package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;
import vn.lantoa.cli.CheckCommand;
import vn.lantoa.cli.ImportCommand;
import vn.lantoa.planformat.PlanJson;

/** {@code lantoa import} and {@code lantoa check}, without Spring: plan JSON out, Vietnamese messages, exit codes. */
class ImportCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static java.util.stream.Stream<Arguments> seeds() {
        return Seeds.NAMES.stream().flatMap(n -> Seeds.FORMS.stream().map(f -> Arguments.of(n, f)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("seeds")
    void importWritesThePlanJsonOfEverySeed(String name, String form) throws Exception {
        Path output = dir.resolve(name + "-" + form + ".json");
        Run run = run(new ImportCommand(), Seeds.file(name, form).toString(), "-o", output.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String json = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(PlanJson.read(json)).isNotNull();
        assertThat(json).contains("\"format\"").contains("lantoa.plan/1");
    }

    @Test
    void importPrintsToStandardOutputWithoutAnOutputFile() {
        Run run = run(new ImportCommand(), Seeds.file("002_18cca47a10fba1ef", "txt").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("lantoa.plan/1");
    }

    @Test
    void aRefusedFilePrintsTheVietnameseReasonAndExitsNonZero() throws Exception {
        Path secret = dir.resolve("mat.txt");
        Files.writeString(secret, "UBND PHƯỜNG\n\nMẬT\n\nKẾ HOẠCH\n");
        Run run = run(new ImportCommand(), secret.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Văn bản có dấu chỉ độ mật \"MẬT\" không được lưu trên hệ thống này.")
                .contains("SECRET_MARKING");
        assertThat(run.out()).isEmpty();
        Run missing = run(new CheckCommand(), dir.resolve("khong-co.docx").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("Không tìm thấy tệp");
    }

    @Test
    void checkPrintsEachWarningWithWhereAndExitsNonZero() throws Exception {
        Path legacy = dir.resolve("tcvn3.txt");
        String tcvn3 = LegacyEncoding.toTcvn3("kế hoạch tuyên truyền đại hội đảng bộ các cấp tiến tới đại hội toàn quốc");
        Files.write(legacy, LegacyEncoding.windows1252Bytes(tcvn3));
        Run run = run(new CheckCommand(), legacy.toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("bảng mã cũ TCVN3").contains("tại: toàn văn bản").contains("[legacy-encoding]");
    }
}
