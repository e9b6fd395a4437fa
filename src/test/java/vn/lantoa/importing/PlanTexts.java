package vn.lantoa.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test documents for the parser: the fixtures beside this class, read as TXT or laid out as Word would give them. */
final class PlanTexts {

    private static final Pattern LABEL = Pattern.compile("^([IVX]{1,5}\\.|\\d{1,2}(?:\\.\\d{1,2})*\\.|[a-zđ]\\)|[-+•])\\s+");

    private PlanTexts() {
    }

    static String fixture(String name) {
        try (InputStream in = PlanTexts.class.getResourceAsStream("plans/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException(name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Through the real TXT reader. */
    static DocumentText viaReader(String text) {
        return new DocumentReader(ImportLimits.DEFAULT).readText(text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** One block per non-empty line, nothing joined: the hardest case for the parser. */
    static DocumentText lineByLine(String text) {
        List<TextBlock> blocks = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (!line.isBlank()) {
                blocks.add(new TextBlock(line.strip(), null, 0, TextBlock.Alignment.LEFT, false, false, 0, "dòng " + n));
            }
        }
        return new DocumentText(SourceFormat.TXT, blocks, List.of());
    }

    /**
     * As Word gives it: numbering labels in the label (not in the text), the lines before the title split into the
     * two columns of the header table (capitals and the number on the left, the motto and the date on the right),
     * the title centred.
     */
    static DocumentText asWord(String text) {
        List<TextBlock> blocks = new ArrayList<>();
        List<TextBlock> right = new ArrayList<>();
        boolean header = true;
        int n = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            n++;
            String where = "đoạn " + n;
            if (header && line.equals("KẾ HOẠCH")) {
                header = false;
                blocks.addAll(right);
                blocks.add(new TextBlock(line, null, 0, TextBlock.Alignment.CENTER, true, false, 0, where));
                continue;
            }
            if (header) {
                boolean motto = line.startsWith("CỘNG HÒA") || line.startsWith("Độc lập") || line.startsWith("ĐẢNG CỘNG SẢN")
                        || line.contains(", ngày ");
                TextBlock b = new TextBlock(line, null, 0, TextBlock.Alignment.CENTER, !motto, motto && line.contains("ngày"),
                        motto ? 2 : 1, where);
                (motto ? right : blocks).add(b);
                continue;
            }
            Matcher m = LABEL.matcher(line);
            if (m.find()) {
                String label = m.group(1);
                blocks.add(new TextBlock(line.substring(m.end()), label, label.contains(".") ? label.split("\\.").length - 1 : 0,
                        TextBlock.Alignment.JUSTIFY, false, false, 0, where));
            } else {
                blocks.add(new TextBlock(line, null, 0, TextBlock.Alignment.JUSTIFY, false, false, 0, where));
            }
        }
        return new DocumentText(SourceFormat.DOCX, blocks, List.of());
    }
}
