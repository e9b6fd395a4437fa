package vn.lantoa.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vn.lantoa.importing.DocumentReader;
import vn.lantoa.importing.ImportLimits;
import vn.lantoa.importing.PlanParser;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Signer;

/**
 * W10 (PERFORMANCE.md): each seed's plan rendered as DOCX and as PDF by the document module; the DOCX floor (POI
 * writing a one-paragraph document); the PDF baseline, LibreOffice converting the same DOCX to PDF in one headless
 * batch of {@value #BATCH} files (after the warm-up iterations its profile is warm; per file) and of one file (the
 * start-up cost alone, to take out of the batch figure); and 134 consolidated reports (34 provinces and 100
 * communes of one province) rendered as DOCX and PDF. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RenderBenchmark {

    static final int BATCH = 10;

    @Param({"000_c09283dee7dc6ffb", "001_a29ead2a4e8d016a", "002_18cca47a10fba1ef", "004_79db2fe38eae3819"})
    public String seed;

    private final DocumentRenderer renderer = DocumentRenderer.bundled();
    private Plan plan;
    private Path work;
    private List<ReportDocument> reports;

    @Setup
    public void setUp() throws Exception {
        Path dir = null;
        for (Path candidate : List.of(Path.of("../shared/seeds"), Path.of("/work/shared/seeds"))) {
            if (Files.isDirectory(candidate)) {
                dir = candidate;
                break;
            }
        }
        if (dir == null) {
            throw new IllegalStateException("shared/seeds not found beside the repository");
        }
        Path txt = dir.resolve(seed + ".txt");
        plan = PlanParser.parse(new DocumentReader(ImportLimits.DEFAULT).read(txt, txt.getFileName().toString()));
        work = Files.createTempDirectory("lantoa-w10-");
        byte[] docx = renderer.render(plan, DocumentFormat.DOCX);
        for (int i = 0; i < BATCH; i++) {
            Files.write(work.resolve("plan-" + i + ".docx"), docx);
        }
        int ours;
        try (var pdf = Loader.loadPDF(renderer.render(plan, DocumentFormat.PDF))) {
            ours = pdf.getNumberOfPages();
        }
        String office;
        try {
            convert(1);
            try (var pdf = Loader.loadPDF(work.resolve("out").resolve("plan-0.pdf").toFile())) {
                office = String.valueOf(pdf.getNumberOfPages());
            }
        } catch (IOException | RuntimeException e) {
            office = "not available (" + e.getMessage() + ")";
        }
        System.out.printf("%n[W10] %s: our PDF %d pages, LibreOffice's PDF of our DOCX %s pages%n", seed, ours, office);
        reports = reports();
    }

    @Benchmark
    public byte[] docx() {
        return renderer.render(plan, DocumentFormat.DOCX);
    }

    @Benchmark
    public byte[] pdf() {
        return renderer.render(plan, DocumentFormat.PDF);
    }

    /** The DOCX floor: POI writing one paragraph. */
    @Benchmark
    public byte[] poiMinimal() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(plan.document().title());
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** LibreOffice: our DOCX to PDF, {@value #BATCH} files in one headless run; the time is per file. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    @OperationsPerInvocation(BATCH)
    public int libreOfficeBatch() throws Exception {
        return convert(BATCH);
    }

    /** LibreOffice: one file per run (its start-up and one conversion). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int libreOfficeOne() throws Exception {
        return convert(1);
    }

    /** 134 consolidated reports (34 provinces, 100 communes), DOCX and PDF each: the time of all of them. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public long reports134() {
        long bytes = 0;
        for (ReportDocument r : reports) {
            bytes += renderer.render(r, DocumentFormat.DOCX).length;
            bytes += renderer.render(r, DocumentFormat.PDF).length;
        }
        return bytes;
    }

    private int convert(int files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("soffice", "--headless", "--norestore",
                "-env:UserInstallation=file://" + work.resolve("profile").toAbsolutePath(), "--convert-to", "pdf",
                "--outdir", work.resolve("out").toString()));
        for (int i = 0; i < files; i++) {
            command.add(work.resolve("plan-" + i + ".docx").toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("soffice failed");
        }
        if (!Files.isRegularFile(work.resolve("out").resolve("plan-" + (files - 1) + ".pdf"))) {
            throw new IOException("soffice wrote no PDF");
        }
        return files;
    }

    /** Consolidated reports as the reporting module will fill them: one table of figures per report. */
    static List<ReportDocument> reports() {
        List<ReportDocument> list = new ArrayList<>();
        String[] channels = {"Tuyên truyền miệng", "Báo chí, phát thanh, truyền hình", "Cổ động trực quan",
            "Mạng xã hội", "Văn hóa, văn nghệ, thể thao", "Triển lãm", "Cuộc thi tìm hiểu"};
        for (int n = 0; n < 134; n++) {
            boolean province = n < 34;
            String unit = province ? "Tỉnh " + (n + 1) : "Xã " + (n - 33);
            int rowsCount = province ? 100 : 12;
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < rowsCount; r++) {
                List<String> row = new ArrayList<>();
                row.add((province ? "Xã, phường " : "Thôn, tổ dân phố ") + (r + 1));
                for (int c = 0; c < 4; c++) {
                    row.add(String.valueOf((r * 7 + c * 13 + n) % 97));
                }
                rows.add(row);
            }
            List<List<String>> byChannel = new ArrayList<>();
            for (String c : channels) {
                byChannel.add(List.of(c, String.valueOf(c.length() * 3 + n), String.valueOf(c.length() * 11)));
            }
            ReportDocument.Section results = new ReportDocument.Section("Kết quả thực hiện",
                    List.of("Trong kỳ, các cơ quan, đơn vị đã triển khai đồng bộ các hình thức tuyên truyền theo kế hoạch."),
                    List.of(new ReportDocument.Figures("Bảng 1. Số hoạt động theo hình thức",
                                    List.of("Hình thức", "Số hoạt động", "Lượt người"), byChannel, List.of()),
                            new ReportDocument.Figures("Bảng 2. Số hoạt động theo đơn vị",
                                    List.of("Đơn vị", "Tuyên truyền miệng", "Trực quan", "Mạng xã hội", "Khác"), rows,
                                    List.of("Tổng cộng", "—", "—", "—", "—"))),
                    List.of());
            ReportDocument.Section next = new ReportDocument.Section("Phương hướng, nhiệm vụ kỳ tới",
                    List.of("Tiếp tục tuyên truyền sâu rộng kết quả Đại hội Đảng bộ các cấp."), List.of(), List.of());
            list.add(new ReportDocument(new DocumentHeader("BC", String.valueOf(n + 1), (n + 1) + "/BC-UBND",
                    DocumentSystem.STATE, LocalDate.of(2026, 4, 5), unit, "Ủy ban nhân dân " + unit.toLowerCase(),
                    "kết quả công tác tuyên truyền quý I năm 2026",
                    new Signer("Nguyễn Văn An", "Chủ tịch", "TM. Ủy ban nhân dân")),
                    null, List.of(province ? "Bộ Văn hóa, Thể thao và Du lịch" : "Ủy ban nhân dân tỉnh"),
                    List.of("Thực hiện kế hoạch tuyên truyền năm 2026, Ủy ban nhân dân báo cáo kết quả như sau:"),
                    List.of(results, next), List.of("Như trên"), "VHXH"));
        }
        return list;
    }
}
