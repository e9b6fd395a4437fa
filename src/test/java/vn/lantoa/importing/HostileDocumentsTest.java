package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * RELIABILITY §(b) B-DOC-01 … B-DOC-33 and B-SEC-01 … 03, at the importer: each hostile file gets its stable code
 * and a Vietnamese message within its time bound, and nothing is left in the temporary directory. The HTTP and
 * command-line faces of the same refusals are in {@code ImportApiTest} and {@code ImportCommandTest}.
 */
class HostileDocumentsTest {

    private static PlanImporter importer;
    private static Path shared;
    @TempDir
    Path dir;
    private Set<String> tmpBefore;

    @BeforeAll
    static void start() throws IOException {
        importer = new PlanImporter(ImportLimits.DEFAULT.withTimeout(Duration.ofSeconds(10)), text -> null);
        shared = Files.createTempDirectory("lantoa-hostile-");
    }

    @AfterAll
    static void stop() throws IOException {
        importer.close();
        try (Stream<Path> files = Files.walk(shared)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void snapshot() throws IOException {
        tmpBefore = tmpEntries();
    }

    @AfterEach
    void nothingLeftBehind() throws IOException {
        Set<String> after = tmpEntries();
        after.removeAll(tmpBefore);
        // only this process's spool files: other processes share the directory (PDFBox runs with a memory-only
        // cache and the DOCX reader extracts nothing, so the importer writes nothing else)
        after.removeIf(name -> !name.startsWith(PlanImporter.SPOOL_PREFIX));
        assertThat(after).as("files left in the temporary directory").isEmpty();
    }

    private static Set<String> tmpEntries() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private Path file(byte[] bytes, String name) throws IOException {
        Path file = dir.resolve("in-" + System.nanoTime());
        Files.write(file, bytes);
        return file;
    }

    private DocumentText read(byte[] bytes, String name) throws IOException {
        return importer.readFile(file(bytes, name), name);
    }

    private Problem refused(byte[] bytes, String name) throws IOException {
        Path file = file(bytes, name);
        return refused(file, name);
    }

    private static Problem refused(Path file, String name) {
        Problem problem = catchThrowableOfType(Problem.class, () -> importer.readFile(file, name));
        assertThat(problem).as("refusal of %s", name).isNotNull();
        assertThat(problem.defaultMessage()).isNotBlank();
        assertThat(problem.status()).isBetween(400, 599);
        return problem;
    }

    private static void assertCode(Problem problem, String code, int status) {
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.status()).isEqualTo(status);
    }

    private static long millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    // B-DOC-01, 02
    @ParameterizedTest
    @ValueSource(strings = {"rong.docx", "rong.pdf", "rong.txt"})
    void emptyFileIsRefusedAsEmpty(String name) throws IOException {
        Problem p = refused(new byte[0], name);
        assertCode(p, "DOC_EMPTY", 422);
        assertThat(p.defaultMessage()).isEqualTo("Tệp rỗng.");
    }

    @Test
    void whitespaceOnlyTextIsEmpty() throws IOException {
        assertCode(refused(HostileFiles.utf8("  \n\t\n \u00a0 \r\n"), "trang.txt"), "DOC_EMPTY", 422);
    }

    // B-DOC-03 (the HTTP limit itself is in ImportApiTest)
    @Test
    void uploadOverTheLimitIsRefusedBeforeItIsReadWhole() {
        AtomicInteger served = new AtomicInteger();
        long limit = importer.limits().maxBytes();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served.addAndGet(len);
                java.util.Arrays.fill(b, off, off + len, (byte) 'a');
                return len;
            }
        };
        Problem p = catchThrowableOfType(Problem.class, () -> importer.importStream(endless, "lon.docx"));
        assertCode(p, "FILE_TOO_LARGE", 413);
        assertThat((long) served.get()).isLessThan(limit + 1024 * 1024);
    }

    // B-DOC-04
    @Test
    void pdfNamedDocxAndDocxNamedPdfAreMismatches() throws IOException {
        Problem p = refused(HostileFiles.rawPdf("<< /Type /Catalog >>"), "ke-hoach.docx");
        assertCode(p, "TYPE_MISMATCH", 422);
        assertThat(p.defaultMessage()).isEqualTo("Tệp có đuôi .docx nhưng nội dung là PDF.");
        Problem q = refused(HostileFiles.docx("KẾ HOẠCH"), "ke-hoach.pdf");
        assertCode(q, "TYPE_MISMATCH", 422);
        assertThat(q.defaultMessage()).startsWith("Tệp có đuôi .pdf nhưng nội dung là Word");
    }

    // B-DOC-05
    @Test
    void randomBytesPngAndAZipThatIsNotOfficeAreRefused() throws IOException {
        assertCode(refused(HostileFiles.randomBytes(4096, 5), "ke-hoach.docx"), "UNSUPPORTED_TYPE", 415);
        assertCode(refused(HostileFiles.png(100, 100), "ke-hoach.docx"), "UNSUPPORTED_TYPE", 415);
        assertCode(refused(HostileFiles.zip(java.util.Map.of("a.txt", "xin chào")), "ke-hoach.docx"), "DOC_CORRUPT", 422);
    }

    // B-DOC-06
    @Test
    void externalEntitiesAreRefusedAndNothingIsFetched() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            for (String systemId : List.of("file:///etc/passwd", "http://127.0.0.1:" + listener.getLocalPort() + "/x")) {
                Problem p = refused(HostileFiles.xxe(systemId), "xxe.docx");
                assertCode(p, "DOC_XML_FORBIDDEN", 422);
                assertThat(p.defaultMessage()).doesNotContain("root:");
            }
            assertThat(accepted(listener)).as("connections to the listener").isFalse();
        }
    }

    private static boolean accepted(ServerSocket listener) throws IOException {
        try (var socket = listener.accept()) {
            return socket != null;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    // B-DOC-07
    @Test
    void billionLaughsIsRefusedQuickly() throws IOException {
        byte[] bomb = HostileFiles.billionLaughs();
        long ms = millis(() -> assertCode(refusedUnchecked(bomb, "lol.docx"), "DOC_XML_FORBIDDEN", 422));
        assertThat(ms).isLessThan(2000);
    }

    private Problem refusedUnchecked(byte[] bytes, String name) {
        try {
            return refused(bytes, name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // B-DOC-08
    @Test
    void zipBombIsRefusedInUnderASecondWithoutInflating() throws IOException {
        Path bomb = HostileFiles.zipBomb(shared, 400L * 1024 * 1024);
        assertThat(Files.size(bomb)).isLessThan(2L * 1024 * 1024);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();
        long ms = millis(() -> assertCode(refused(bomb, "bom.docx"), "ZIP_BOMB", 422));
        long usedAfter = runtime.totalMemory() - runtime.freeMemory();
        assertThat(ms).isLessThan(1000);
        assertThat(usedAfter - usedBefore).isLessThan(100L * 1024 * 1024);
    }

    // B-DOC-09
    @Test
    void thirtyMillionCharactersAreTooMuchContent() throws IOException {
        Path huge = HostileFiles.hugeDocument(shared, 30_000_000);
        long ms = millis(() -> assertCode(refused(huge, "dai.docx"), "DOC_TOO_LARGE_CONTENT", 422));
        assertThat(ms).isLessThan(5000);
    }

    // B-DOC-10
    @Test
    void twentyThousandEntriesAreABomb() throws IOException {
        assertCode(refused(HostileFiles.manyEntries(20_000), "nhieu.docx"), "ZIP_BOMB", 422);
    }

    // B-DOC-11
    @Test
    void duplicateMainPartIsCorrupt() throws IOException {
        assertCode(refused(HostileFiles.duplicateDocument(), "trung.docx"), "DOC_CORRUPT", 422);
    }

    // B-DOC-12
    @Test
    void traversalEntryNamesWriteNothingAnywhere() throws IOException {
        String canary = "lantoa-canary-" + System.nanoTime();
        DocumentText text = read(HostileFiles.traversal(canary), "leo.docx");
        assertThat(text.blocks()).extracting(TextBlock::text).contains("KẾ HOẠCH");
        for (String suffix : List.of("", "-abs", "-bs")) {
            assertThat(Path.of("/tmp", canary + suffix)).doesNotExist();
            assertThat(Path.of(System.getProperty("java.io.tmpdir"), canary + suffix)).doesNotExist();
        }
    }

    // B-DOC-13
    @Test
    void tablesNestedThreeThousandDeepAreCorrupt() throws IOException {
        assertCode(refused(HostileFiles.nestedTables(3000), "long.docx"), "DOC_CORRUPT", 422);
    }

    // B-DOC-14
    @Test
    void externalRelationshipsAreNeverFetched() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            DocumentText text = read(HostileFiles.externalRelationships(listener.getLocalPort()), "ngoai.docx");
            assertThat(text.blocks()).extracting(TextBlock::text)
                    .containsExactly("KẾ HOẠCH", "Tuyên truyền Đại hội đảng bộ các cấp");
            assertThat(accepted(listener)).isFalse();
        }
    }

    // B-DOC-15
    @Test
    void macroEnabledPackageNamedDocxIsRefused() throws IOException {
        Problem p = refused(HostileFiles.macroEnabled(), "macro.docx");
        assertCode(p, "DOC_MACRO", 422);
        assertThat(p.defaultMessage()).isEqualTo("Tệp có macro, hãy lưu lại dưới dạng .docx.");
    }

    // B-DOC-16
    @Test
    void passwordEncryptedDocxIsRefused() throws Exception {
        byte[] encrypted = HostileFiles.encryptedDocx();
        Problem p = refused(encrypted, "matkhau.docx");
        assertCode(p, "DOC_ENCRYPTED", 422);
        assertThat(p.defaultMessage()).startsWith("Tệp được đặt mật khẩu");
    }

    // B-DOC-17
    @Test
    void legacyDocIsUnsupportedLegacyFormat() throws IOException {
        assertCode(refused(HostileFiles.legacyDoc(), "cu.doc"), "DOC_LEGACY_FORMAT", 415);
        assertCode(refused(HostileFiles.legacyDoc(), "cu.docx"), "DOC_LEGACY_FORMAT", 415);
    }

    // B-DOC-18
    @Test
    void truncatedDocxIsCorrupt() throws IOException {
        byte[] whole = Files.readAllBytes(Seeds.file("001_a29ead2a4e8d016a", "docx"));
        assertCode(refused(java.util.Arrays.copyOf(whole, 300), "cut.docx"), "DOC_CORRUPT", 422);
    }

    // B-DOC-19 (POI's clusterfuzz files cannot be downloaded here: the seed DOCX is fuzzed instead)
    @Test
    void fuzzedDocxGivesATypedAnswerQuickly() throws IOException {
        byte[] seed = Files.readAllBytes(Seeds.file("002_18cca47a10fba1ef", "docx"));
        for (byte[] fuzzed : HostileFiles.fuzzed(seed, 30, 19)) {
            Path file = file(fuzzed, "fuzz.docx");
            long ms = millis(() -> {
                try {
                    importer.readFile(file, "fuzz.docx");
                } catch (Problem p) {
                    assertThat(p.status()).isBetween(400, 499);
                    assertThat(p.code()).matches("[A-Z_]+");
                }
            });
            assertThat(ms).isLessThan(5000);
        }
    }

    // B-DOC-20, 21
    @Test
    void pdfWithAUserPasswordIsRefused() throws IOException {
        assumeTrue(HostileFiles.vietnameseFont() != null, "a Vietnamese TrueType font (fonts-liberation2)");
        byte[] pdf = HostileFiles.pdf(List.of(new HostileFiles.Placed(70, 80, "KẾ HOẠCH")),
                HostileFiles.protection("owner", "user", true));
        assertCode(refused(pdf, "khoa.pdf"), "PDF_ENCRYPTED", 422);
    }

    /** Decision (B-DOC-21): an owner password alone is accepted when it allows extraction, refused when it forbids it. */
    @Test
    void pdfWithAnOwnerPasswordOnlyIsReadWhenExtractionIsAllowed() throws IOException {
        assumeTrue(HostileFiles.vietnameseFont() != null, "a Vietnamese TrueType font (fonts-liberation2)");
        byte[] allowed = HostileFiles.pdf(List.of(new HostileFiles.Placed(70, 80, "KẾ HOẠCH")),
                HostileFiles.protection("owner", "", true));
        assertThat(read(allowed, "chu.pdf").blocks()).extracting(TextBlock::text).containsExactly("KẾ HOẠCH");
        byte[] forbidden = HostileFiles.pdf(List.of(new HostileFiles.Placed(70, 80, "KẾ HOẠCH")),
                HostileFiles.protection("owner", "", false));
        assertCode(refused(forbidden, "cam.pdf"), "PDF_ENCRYPTED", 422);
    }

    // B-DOC-22
    @Test
    void scannedOrPagelessPdfHasNoText() throws IOException {
        Problem scan = refused(HostileFiles.imageOnlyPdf(), "scan.pdf");
        assertCode(scan, "PDF_NO_TEXT", 422);
        assertThat(scan.defaultMessage()).startsWith("PDF không có lớp văn bản (bản quét)");
        assertCode(refused(HostileFiles.noPages(), "rong.pdf"), "PDF_NO_TEXT", 422);
    }

    // B-DOC-23
    @Test
    void aPageCountOfTwoBillionIsNotTrusted() throws IOException {
        byte[] pdf = HostileFiles.hugePageCount();
        long start = System.nanoTime();
        try {
            DocumentText text = read(pdf, "dem.pdf");
            assertThat(text.blocks()).extracting(TextBlock::text).containsExactly("KE HOACH tuyen truyen");
        } catch (Problem p) {
            assertThat(p.status()).isEqualTo(422);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    }

    // B-DOC-24
    @Test
    void flateBombPdfStopsAtTheLimits() throws IOException {
        byte[] bomb = HostileFiles.flateBomb("BT /F1 12 Tf 70 700 Td (KE HOACH TUYEN TRUYEN DAI HOI) Tj ET\n",
                200L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        long ms = millis(() -> {
            Problem p = refusedUnchecked(bomb, "bom.pdf");
            assertThat(p.code()).isIn("DOC_TIMEOUT", "DOC_TOO_LARGE_CONTENT");
        });
        assertThat(ms).isLessThan(10_000);
    }

    // B-DOC-25 (pdf.js's fuzzed files cannot be downloaded: a cyclic tree, deep nesting, garbage and fuzzed seeds)
    @Test
    void malformedPdfsGiveATypedAnswerWithoutHanging() throws IOException {
        List<byte[]> files = new java.util.ArrayList<>(List.of(HostileFiles.cyclicPageTree(),
                HostileFiles.nestedArrays(200_000), "%PDF-1.4\n garbage \u0000\u0001 trailer".getBytes(StandardCharsets.ISO_8859_1)));
        files.addAll(HostileFiles.fuzzed(Files.readAllBytes(Seeds.file("004_79db2fe38eae3819", "pdf")), 10, 25));
        for (byte[] pdf : files) {
            long ms = millis(() -> {
                try {
                    read(pdf, "hong.pdf");
                } catch (Problem p) {
                    assertThat(p.status()).isBetween(400, 499);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(ms).isLessThan(10_000);
        }
    }

    // B-DOC-26
    @Test
    void javascriptInAPdfIsIgnoredAndTheTextRead() throws IOException {
        assumeTrue(HostileFiles.vietnameseFont() != null, "a Vietnamese TrueType font (fonts-liberation2)");
        assertThat(read(HostileFiles.javascriptPdf(), "js.pdf").blocks()).extracting(TextBlock::text)
                .containsExactly("KẾ HOẠCH tuyên truyền Đại hội");
    }

    // B-DOC-27
    @Test
    void invalidUtf8IsRefusedWithLineAndColumn() throws IOException {
        byte[] bad = concat(HostileFiles.utf8("KẾ HOẠCH\nTuyên truyền Đại hội\nabc"), new byte[] {(byte) 0xff, (byte) 0xfe,
            (byte) 0xc3, 0x28}, HostileFiles.utf8(" nữa\n"));
        Problem p = refused(bad, "sai.txt");
        assertCode(p, "TEXT_ENCODING", 422);
        assertThat(p.properties()).containsEntry("line", 3).containsEntry("column", 4);
        assertThat(p.defaultMessage()).contains("dòng 3, cột 4");
        byte[] surrogate = concat(HostileFiles.utf8("KẾ HOẠCH\n"), new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
        Problem q = refused(surrogate, "sai2.txt");
        assertCode(q, "TEXT_ENCODING", 422);
        assertThat(q.properties()).containsEntry("line", 2).containsEntry("column", 1);
    }

    // B-DOC-28
    @Test
    void utf16AndUtf8WithBomAreRead() throws IOException {
        byte[] utf16 = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, "KẾ HOẠCH\r\nTuyên truyền".getBytes(StandardCharsets.UTF_16LE));
        assertThat(read(utf16, "a.txt").blocks()).extracting(TextBlock::text).containsExactly("KẾ HOẠCH", "Tuyên truyền");
        byte[] bom = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, HostileFiles.utf8("KẾ HOẠCH"));
        assertThat(read(bom, "b.txt").blocks()).extracting(TextBlock::text).containsExactly("KẾ HOẠCH");
    }

    // B-DOC-29
    @Test
    void textWithNulBytesIsBinary() throws IOException {
        assertCode(refused(concat(HostileFiles.utf8("KẾ HOẠCH"), new byte[] {0, 0, 1}), "nul.txt"), "UNSUPPORTED_TYPE", 415);
    }

    // B-DOC-30
    @Test
    void oneTwentyMegabyteLineAndDeepNumberingStayWithinLimits() throws IOException {
        byte[] line = new byte[21_000_000];
        java.util.Arrays.fill(line, (byte) 'a');
        assertCode(refused(line, "dong.txt"), "FILE_TOO_LARGE", 413);
        StringBuilder deep = new StringBuilder();
        String heading = "1.".repeat(3000) + " Mục\n";
        while (deep.length() < 9_000_000) {
            deep.append(heading);
        }
        byte[] numbering = HostileFiles.utf8(deep.toString());
        long ms = millis(() -> {
            try {
                read(numbering, "so.txt");
            } catch (Problem p) {
                assertThat(p.code()).isEqualTo("DOC_TOO_LARGE_CONTENT");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(ms).isLessThan(5000);
    }

    // B-DOC-31
    @Test
    void decomposedVietnameseIsStoredComposed() throws IOException {
        String nfd = java.text.Normalizer.normalize("Ủy ban nhân dân phường An Dương", java.text.Normalizer.Form.NFD);
        DocumentText text = read(HostileFiles.utf8("KẾ HOẠCH\n\n" + nfd), "nfd.txt");
        String stored = text.blocks().get(1).text();
        assertThat(stored).isEqualTo("Ủy ban nhân dân phường An Dương");
        assertThat(VietnameseText.matches(stored, "Ủy ban nhân dân")).isTrue();
        DocumentText docx = read(HostileFiles.docx(nfd), "nfd.docx");
        assertThat(docx.blocks().get(0).text()).isEqualTo("Ủy ban nhân dân phường An Dương");
    }

    // B-DOC-32
    @Test
    void invisibleCharactersAreStrippedWithAWarning() throws IOException {
        DocumentText text = read(HostileFiles.docx("Số: 12\u200b/KH-UBND", "KẾ HOẠCH \u202eHCAOH\u202c"), "an.docx");
        assertThat(text.blocks()).extracting(TextBlock::text).containsExactly("Số: 12/KH-UBND", "KẾ HOẠCH HCAOH");
        assertThat(text.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("invisible-characters");
            assertThat(w.where()).contains("đoạn 1");
        });
    }

    // B-DOC-33 (the NOT_A_PLAN warning is the parser's; reading a decision must simply work)
    @Test
    void aDecisionReadsLikeAnyDocument() throws IOException {
        DocumentText text = read(HostileFiles.docx("QUYẾT ĐỊNH", "Về việc thành lập Ban Tổ chức", "Điều 1. Thành lập"),
                "qd.docx");
        assertThat(text.blocks()).hasSize(3);
    }

    // B-SEC-01
    @ParameterizedTest
    @ValueSource(strings = {"MẬT", "TỐI MẬT", "TUYỆT MẬT", "Mật", "(MẬT)"})
    void secrecyMarkInTheHeaderIsRefusedInEveryForm(String mark) throws IOException {
        String expected = VietnameseText.upper(mark.replaceAll("[()]", ""));
        Problem txt = refused(HostileFiles.utf8("ỦY BAN NHÂN DÂN\nPHƯỜNG AN DƯƠNG\n\n" + mark + "\n\nKẾ HOẠCH\n"), "mat.txt");
        assertCode(txt, "SECRET_MARKING", 422);
        assertThat(txt.defaultMessage()).isEqualTo("Văn bản có dấu chỉ độ mật \"" + expected
                + "\" không được lưu trên hệ thống này.");
        assertCode(refused(HostileFiles.docx("ỦY BAN NHÂN DÂN", mark, "KẾ HOẠCH"), "mat.docx"), "SECRET_MARKING", 422);
        if (HostileFiles.vietnameseFont() != null) {
            byte[] pdf = HostileFiles.pdf(List.of(new HostileFiles.Placed(70, 60, mark),
                    new HostileFiles.Placed(70, 90, "ỦY BAN NHÂN DÂN"), new HostileFiles.Placed(340, 90, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                    new HostileFiles.Placed(250, 200, "KẾ HOẠCH")), null);
            assertCode(refused(pdf, "mat.pdf"), "SECRET_MARKING", 422);
        }
    }

    // B-SEC-02, 03
    @Test
    void urgencyMarksAndBodyWordsAreNotSecrecy() throws IOException {
        for (String urgent : List.of("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")) {
            assertThatCode(() -> read(HostileFiles.docx("ỦY BAN NHÂN DÂN", urgent, "KẾ HOẠCH"), "khan.docx"))
                    .doesNotThrowAnyException();
        }
        assertThatCode(() -> read(HostileFiles.utf8("KẾ HOẠCH\n\nCán bộ phải giữ bí mật.\n\nQuan hệ mật thiết.\n\nMật khẩu\n"),
                "than.txt")).doesNotThrowAnyException();
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unused")
    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
