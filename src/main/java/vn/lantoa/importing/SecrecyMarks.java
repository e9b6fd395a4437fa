package vn.lantoa.importing;

import java.util.List;
import java.util.Locale;

import vn.lantoa.shared.VietnameseText;

/**
 * Dấu chỉ độ mật: "MẬT", "TỐI MẬT", "TUYỆT MẬT" stamped in the header of a state-secret document (Luật Bảo vệ bí mật
 * nhà nước 2018, Điều 8). Lan Tỏa holds no state secrets, so such a file is refused before anything of it is kept.
 *
 * <p>Only a mark standing alone on its line in the header area counts: urgency marks ("KHẨN", "THƯỢNG KHẨN",
 * "HỎA TỐC") are not secrecy, and body words ("giữ bí mật", "mật thiết", "Mật khẩu") are not marks.
 */
public final class SecrecyMarks {

    /** How many blocks from the top make the header area (issuer, number, motto, date, title, a stamp). */
    static final int HEADER_BLOCKS = 20;
    /** Column blocks (the two-column header table) count as header as far down as this. */
    static final int HEADER_COLUMN_BLOCKS = 40;

    private static final List<String> MARKS = List.of("TUYỆT MẬT", "TỐI MẬT", "MẬT");

    private SecrecyMarks() {
    }

    /** The secrecy mark in the header of a document, or null when it has none. */
    public static String find(List<TextBlock> blocks) {
        for (int i = 0; i < blocks.size() && i < HEADER_COLUMN_BLOCKS; i++) {
            TextBlock block = blocks.get(i);
            if (i >= HEADER_BLOCKS && block.column() == 0) {
                continue;
            }
            String mark = mark(block.displayed());
            if (mark != null) {
                return mark;
            }
        }
        return null;
    }

    /** The mark a line is, when the line is nothing but a secrecy mark ("MẬT", "(Tối mật)", "Độ mật: MẬT"). */
    static String mark(String line) {
        if (line.length() > 40) {
            return null; // a stamp is a word or two, not a sentence
        }
        if (line.indexOf('ậ') < 0 && line.indexOf('Ậ') < 0 && TextCleanup.nfc(line) == line) {
            return null; // every mark has "Ậ", and without a combining mark NFC cannot make one
        }
        String text = VietnameseText.nfc(line).strip();
        // a stamp is often boxed or starred: "* MẬT *", "[MẬT]", "(MẬT)"
        text = text.replaceAll("^[\\p{Punct}\\s\\p{So}–—]+|[\\p{Punct}\\s\\p{So}–—]+$", "");
        String upper = text.toUpperCase(Locale.forLanguageTag("vi")).replaceAll("\\s+", " ");
        if (upper.startsWith("ĐỘ MẬT")) {
            upper = upper.substring("ĐỘ MẬT".length()).replaceAll("^[:\\s]+", "");
        }
        // letters spaced out on the stamp: "M Ậ T"
        String compact = upper.replace(" ", "");
        for (String mark : MARKS) {
            if (upper.equals(mark) || compact.equals(mark.replace(" ", ""))) {
                return mark;
            }
        }
        return null;
    }
}
