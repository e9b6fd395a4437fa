package vn.lantoa.importing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vn.lantoa.planformat.Plan;

/**
 * W1 (PERFORMANCE.md): each seed in each form, imported in full (read + parse), read only (the reading half), parsed
 * only (the other half, from a text read once), and its plain text extracted by the library alone, the baseline of the
 * same run: POI's XWPFWordExtractor, PDFBox's PDFTextStripper, or decoding the bytes as UTF-8. Run: see
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ImportBenchmark {

    @Param({"000_c09283dee7dc6ffb", "001_a29ead2a4e8d016a", "002_18cca47a10fba1ef", "004_79db2fe38eae3819"})
    public String seed;

    @Param({"docx", "pdf", "txt"})
    public String form;

    private Path file;
    private String name;
    private byte[] bytes;
    private DocumentReader reader;
    private DocumentText text;

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
        file = dir.resolve(seed + "." + form);
        name = file.getFileName().toString();
        bytes = Files.readAllBytes(file);
        reader = new DocumentReader(ImportLimits.DEFAULT);
        text = reader.read(file, name);
    }

    /** The candidate: file → DocumentText → Plan, as the CLI and the API do it (without the thread hand-off). */
    @Benchmark
    public Plan fullImport() throws Exception {
        return PlanParser.parse(reader.read(file, name));
    }

    /** The reading half alone: file → DocumentText with every check of the importer. */
    @Benchmark
    public DocumentText read() throws Exception {
        return reader.read(file, name);
    }

    /** The parsing half alone: DocumentText (read once, in the setup) → Plan. */
    @Benchmark
    public Plan parse() {
        return PlanParser.parse(text);
    }

    /** The baseline: the library's own plain-text extraction of the same file. */
    @Benchmark
    public String extract() throws Exception {
        switch (form) {
            case "docx":
                try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in);
                        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
                    return extractor.getText();
                }
            case "pdf":
                try (PDDocument document = Loader.loadPDF(file.toFile())) {
                    return new PDFTextStripper().getText(document);
                }
            default:
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
    }
}
