package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.planformat.PlanValidation;

/**
 * Input no person writes but a file can hold: the parser stays linear (no regex that backtracks without end, no
 * recursion as deep as the numbering), never throws, and always gives a valid plan.
 */
class PlanParserHostileTest {

    private static final String WORDS = "Đại hội đại biểu Đảng bộ tỉnh lần thứ XIV của Đảng, Kế hoạch số 12-KH/TU ngày"
            + " 01/02/2025 của Ban Thường vụ Tỉnh ủy; từ nay đến tháng 3/2025 trước khai mạc Đại hội X 01 ngày; báo cáo"
            + " về Ban Thường vụ (qua Ban Tuyên giáo) trước ngày 15/3, 15/6 và 15/9 năm 2025 “chủ đề” (1) a; (2) b - ";

    private static DocumentText oneBlock(String text) {
        return new DocumentText(SourceFormat.TXT, List.of(new vn.lantoa.importing.TextBlock(text, null, 0,
                vn.lantoa.importing.TextBlock.Alignment.LEFT, false, false, 0, "đoạn 1")), List.of());
    }

    private static String repeat(int chars) {
        StringBuilder s = new StringBuilder(chars + WORDS.length());
        while (s.length() < chars) {
            s.append(WORDS);
        }
        return s.toString();
    }

    private static long millis(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void valid(Plan plan) {
        assertThat(PlanValidation.validate(PlanJson.write(plan))).isEmpty();
    }

    @Test
    void aTwentyMegabyteLineIsReadInLinearTime() {
        String small = repeat(2_000_000);
        String large = repeat(20_000_000);
        PlanParser.parse(oneBlock(small)); // warm up
        long t2 = millis(() -> valid(PlanParser.parse(oneBlock(small))));
        long[] t20 = new long[1];
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> t20[0] = millis(() -> valid(PlanParser.parse(oneBlock(large)))));
        // ten times the text, at most about ten times the time (with room for a noisy machine)
        assertThat(t20[0]).as("2 MB in %d ms, 20 MB in %d ms", t2, t20[0]).isLessThan(Math.max(25 * t2, 3_000));
    }

    @Test
    void numberingThreeThousandLevelsDeepNeitherOverflowsNorNests() {
        List<vn.lantoa.importing.TextBlock> blocks = new ArrayList<>();
        StringBuilder label = new StringBuilder("1");
        blocks.add(block("KẾ HOẠCH"));
        blocks.add(block("I. TỔ CHỨC THỰC HIỆN"));
        for (int i = 0; i < 3_000; i++) {
            blocks.add(block(label + ". Đợt " + (i + 1) + ": Từ tháng 1/2025 đến tháng 2/2025"));
            label.append(".1");
        }
        blocks.add(block(label + ". " + label + ". " + label + "."));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Plan plan = PlanParser.parse(new DocumentText(SourceFormat.DOCX, blocks, List.of()));
            valid(plan);
        });
    }

    @Test
    void thousandsOfItemsAndEventsStayCheap() {
        List<vn.lantoa.importing.TextBlock> blocks = new ArrayList<>();
        blocks.add(block("KẾ HOẠCH"));
        blocks.add(block("II. THỜI GIAN"));
        for (int i = 0; i < 20_000; i++) {
            blocks.add(block((i % 99 + 1) + ". Đợt " + i + ": Sau Đại hội Đảng bộ xã " + i + " lần thứ " + (i % 300 + 1)
                    + " đến trước Đại hội XIV của Đảng"));
        }
        blocks.add(block("III. TỔ CHỨC THỰC HIỆN"));
        for (int i = 0; i < 20_000; i++) {
            blocks.add(block((i % 99 + 1) + ". Phòng " + i + ": báo cáo về UBND huyện trước ngày 15/3/2025"));
        }
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            Plan plan = PlanParser.parse(new DocumentText(SourceFormat.DOCX, blocks, List.of()));
            valid(plan);
        });
    }

    @Test
    void randomTextNeverThrows() {
        Random random = new Random(42);
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐ0123456789 ./-:;,()“”\"*#+•–IVX\n\tĐẠIHỘIKẾHOẠCHSốngàytháng";
        for (int round = 0; round < 300; round++) {
            List<vn.lantoa.importing.TextBlock> blocks = new ArrayList<>();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                StringBuilder s = new StringBuilder();
                int len = random.nextInt(200);
                for (int j = 0; j < len; j++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String label = random.nextInt(4) == 0 ? null : List.of("I.", "1.", "1.1.", "a)", "-", "+", " ", "")
                        .get(random.nextInt(8));
                blocks.add(new vn.lantoa.importing.TextBlock(s.toString(), label, random.nextInt(3),
                        vn.lantoa.importing.TextBlock.Alignment.values()[random.nextInt(4)], random.nextBoolean(),
                        false, random.nextInt(3), null));
            }
            valid(PlanParser.parse(new DocumentText(SourceFormat.TXT, blocks, List.of())));
        }
    }

    private static vn.lantoa.importing.TextBlock block(String text) {
        return new vn.lantoa.importing.TextBlock(text, null, 0, vn.lantoa.importing.TextBlock.Alignment.LEFT, false,
                false, 0, null);
    }
}
