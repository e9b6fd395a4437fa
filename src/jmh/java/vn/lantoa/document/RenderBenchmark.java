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
import vn.lantoa.planformat.Plan;

/**
 * W10 (PERFORMANCE.md): each seed's plan rendered as DOCX and as PDF by the document module; the DOCX floor (POI
 * writing a one-paragraph document); the PDF baseline, LibreOffice converting the same DOCX to PDF in one headless
 * batch of {@value #BATCH} files (after the warm-up iterations its profile is warm; per file) and of one file (the
 * start-up cost alone, to take out of the batch figure); and the consolidated reports of 34 provinces and the
 * communes of one province over the national tree ({@link NationalReports}), as DOCX and PDF. Run: see
 * docs/benchmarks.md.
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

    /**
     * The consolidated reports of the 34 provinces and of every commune of one province over the national tree
     * ({@link NationalReports}): mapped and rendered as DOCX and PDF each; the time of all of them.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public long consolidatedReports(NationalReports national) {
        long bytes = 0;
        LocalDate today = LocalDate.of(2026, 3, 18);
        for (vn.lantoa.reporting.Consolidation c : national.consolidations) {
            ReportDocument r = national.documents.consolidation(c, national.plan, today);
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
}
