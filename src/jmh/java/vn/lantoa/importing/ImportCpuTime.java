package vn.lantoa.importing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vn.lantoa.importing.structure.Body;
import vn.lantoa.importing.structure.Events;
import vn.lantoa.importing.structure.Header;
import vn.lantoa.importing.structure.Line;
import vn.lantoa.importing.structure.Lines;

/**
 * W1 for the TXT form in CPU time, stage by stage: what each step of a TXT import costs against the baseline (the file
 * read and decoded as UTF-8), measured with the thread's CPU clock so that a loaded machine (preemption, other
 * processes) does not count. Every stage runs on its own, in the same loop, on the same file; the figure is the
 * median over the rounds. Run: see docs/benchmarks.md (W1, "CPU time per stage").
 */
public final class ImportCpuTime {

    private static final String[] SEEDS = {"000_c09283dee7dc6ffb", "001_a29ead2a4e8d016a", "002_18cca47a10fba1ef",
        "004_79db2fe38eae3819"};
    private static final String[] STAGES = {"baseline", "file", "sniff", "decode", "legacy", "markdown", "blocks",
        "finish", "read", "lines", "header", "events", "body", "end", "parse", "import"};

    private ImportCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = Files.isDirectory(Path.of("../shared/seeds")) ? Path.of("../shared/seeds") : Path.of("/work/shared/seeds");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        DocumentReader reader = new DocumentReader(ImportLimits.DEFAULT);
        TextReader text = new TextReader(ImportLimits.DEFAULT);
        Method decode = TextReader.class.getDeclaredMethod("decode", byte[].class, List.class);
        Method markdown = TextReader.class.getDeclaredMethod("looksLikeMarkdown", String.class);
        Method blocks = TextReader.class.getDeclaredMethod("blocks", String.class, boolean.class);
        Method finish = DocumentReader.class.getDeclaredMethod("finish", DocumentText.class);
        for (Method m : List.of(decode, markdown, blocks, finish)) {
            m.setAccessible(true);
        }
        for (int i = 0; i < 1000; i++) { // warm-up: every stage compiled
            for (String seed : SEEDS) {
                Path file = dir.resolve(seed + ".txt");
                PlanParser.parse(reader.read(file, file.getFileName().toString()));
            }
        }
        System.out.println("CPU µs per file, median of " + rounds + " rounds; ×: ÷ baseline (file read + UTF-8 decode)");
        System.out.println("| seed | " + String.join(" | ", STAGES) + " | read × | parse × | import × |");
        for (String seed : SEEDS) {
            Path file = dir.resolve(seed + ".txt");
            String name = file.getFileName().toString();
            long[][] t = new long[STAGES.length][rounds];
            // the baseline and the whole import each in a loop of their own, as JMH runs a benchmark: in the loop of
            // stages they would run with the caches another stage left
            int chars = 0;
            for (int r = 0; r < rounds; r++) {
                long start = cpu.getCurrentThreadCpuTime();
                chars += new String(Files.readAllBytes(file), StandardCharsets.UTF_8).length();
                t[0][r] = cpu.getCurrentThreadCpuTime() - start;
            }
            for (int r = 0; r < rounds; r++) {
                long start = cpu.getCurrentThreadCpuTime();
                chars += PlanParser.parse(reader.read(file, name)).phases().size();
                t[STAGES.length - 1][r] = cpu.getCurrentThreadCpuTime() - start;
            }
            for (int r = 0; r < rounds; r++) {
                long[] c = new long[STAGES.length - 1];
                int k = 0;
                c[k++] = cpu.getCurrentThreadCpuTime();
                byte[] bytes = Files.readAllBytes(file);
                c[k++] = cpu.getCurrentThreadCpuTime();
                DocumentReader.Kind kind = DocumentReader.sniff(Arrays.copyOf(bytes, Math.min(bytes.length, 8192)));
                c[k++] = cpu.getCurrentThreadCpuTime();
                String decoded = (String) decode.invoke(text, bytes, new ArrayList<>());
                c[k++] = cpu.getCurrentThreadCpuTime();
                LegacyEncoding.Converted legacy = LegacyEncoding.detect(decoded);
                c[k++] = cpu.getCurrentThreadCpuTime();
                boolean md = (Boolean) markdown.invoke(null, decoded);
                c[k++] = cpu.getCurrentThreadCpuTime();
                @SuppressWarnings("unchecked")
                List<TextBlock> paragraphs = (List<TextBlock>) blocks.invoke(text, decoded, md);
                c[k++] = cpu.getCurrentThreadCpuTime();
                finish.invoke(reader, new DocumentText(SourceFormat.TXT, paragraphs, List.of()));
                c[k++] = cpu.getCurrentThreadCpuTime();
                DocumentText read = reader.read(file, name);
                c[k++] = cpu.getCurrentThreadCpuTime();
                List<Line> lines = Lines.of(read);
                c[k++] = cpu.getCurrentThreadCpuTime();
                Header.Zones zones = Header.zones(lines);
                Header.Read header = Header.read(lines, zones);
                c[k++] = cpu.getCurrentThreadCpuTime();
                Events events = Events.of(lines);
                events.subjectFrom(header.title());
                c[k++] = cpu.getCurrentThreadCpuTime();
                Body.read(lines, zones, events, header.issuedOn(), header.symbol());
                c[k++] = cpu.getCurrentThreadCpuTime();
                Header.end(lines, zones.endStart());
                c[k++] = cpu.getCurrentThreadCpuTime();
                PlanParser.parse(read);
                c[k++] = cpu.getCurrentThreadCpuTime();
                if (decoded.isEmpty() || kind != DocumentReader.Kind.TEXT || legacy != null) {
                    throw new IllegalStateException("not the plain UTF-8 text this measures: " + name);
                }
                for (int s = 1; s < STAGES.length - 1; s++) {
                    t[s][r] = c[s] - c[s - 1];
                }
            }
            if (chars == 0) {
                throw new IllegalStateException();
            }
            double[] median = new double[STAGES.length];
            StringBuilder row = new StringBuilder("| " + seed.substring(0, 3));
            for (int s = 0; s < STAGES.length; s++) {
                long[] sorted = t[s].clone();
                Arrays.sort(sorted);
                median[s] = sorted[rounds / 2] / 1000.0;
                row.append(String.format(" | %.0f", median[s]));
            }
            double base = median[0];
            row.append(String.format(" | %.1f | %.1f | %.1f |", median[8] / base, median[14] / base, median[15] / base));
            System.out.println(row);
        }
    }
}
