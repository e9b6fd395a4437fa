package vn.lantoa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lantoa.cli.LanToaCli;

/** {@code lantoa render plan.json -o out.docx|out.pdf}. */
class RenderCommandTest {

    @TempDir
    Path dir;

    @Test
    void rendersDocxAndPdfByTheOutputsExtension() throws Exception {
        Path json = dir.resolve("plan.json");
        Files.writeString(json, TestPlans.json("state-commune"), StandardCharsets.UTF_8);
        Path docx = dir.resolve("ke-hoach.docx");
        Path pdf = dir.resolve("ke-hoach.pdf");
        assertThat(LanToaCli.run(new String[] {"render", json.toString(), "-o", docx.toString()})).isZero();
        assertThat(LanToaCli.run(new String[] {"render", json.toString(), "-o", pdf.toString()})).isZero();
        assertThat(Rendered.docxLines(Files.readAllBytes(docx))).contains("Số: 05/KH-UBND");
        assertThat(String.join("\n", Rendered.pdfPages(Files.readAllBytes(pdf)))).contains("Số: 05/KH-UBND");
    }

    @Test
    void refusesAnUnknownExtensionAndAnInvalidPlan() throws Exception {
        Path json = dir.resolve("plan.json");
        Files.writeString(json, TestPlans.json("state-commune"), StandardCharsets.UTF_8);
        assertThat(LanToaCli.run(new String[] {"render", json.toString(), "-o", dir.resolve("x.odt").toString()}))
                .isEqualTo(1);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"lantoa.plan/1\", \"document\": 3}", StandardCharsets.UTF_8);
        assertThat(LanToaCli.run(new String[] {"render", bad.toString(), "-o", dir.resolve("x.pdf").toString()}))
                .isEqualTo(1);
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }
}
