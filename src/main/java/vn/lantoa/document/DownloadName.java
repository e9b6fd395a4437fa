package vn.lantoa.document;

import java.nio.charset.StandardCharsets;

import vn.lantoa.document.layout.Words;
import vn.lantoa.planformat.Plan;
import vn.lantoa.shared.VietnameseText;

/**
 * The file name of a downloaded document: "Kế hoạch 354-KH-TU.pdf" (the symbol's slash made a dash), or "Kế hoạch
 * 12.pdf" by the plan's id when it has no number yet; in the Content-Disposition header both as UTF-8 (RFC 6266
 * {@code filename*}) and as an ASCII fallback for old clients ("ke-hoach-354-kh-tu.pdf").
 *
 * @param name the Vietnamese name, NFC, with its extension
 */
public record DownloadName(String name) {

    public static DownloadName of(Plan plan, long id, DocumentFormat format) {
        String kind = plan.document().kind() == null ? "KH" : plan.document().kind();
        String symbol = plan.document().symbol();
        String what = symbol == null || symbol.isBlank() ? String.valueOf(id) : symbol;
        return of(Words.kindName(kind) + " " + what, format);
    }

    public static DownloadName of(String base, DocumentFormat format) {
        String clean = VietnameseText.nfc(base).replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]+", "-").strip();
        return new DownloadName(clean + "." + format.extension());
    }

    /** The ASCII name: folded, words joined by dashes. */
    public String ascii() {
        int dot = name.lastIndexOf('.');
        String folded = VietnameseText.fold(name.substring(0, dot)).replace(' ', '-');
        return (folded.isEmpty() ? "van-ban" : folded) + name.substring(dot);
    }

    /** {@code attachment; filename="ke-hoach-354-kh-tu.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20354-KH-TU.pdf}. */
    public String contentDisposition() {
        return "attachment; filename=\"" + ascii() + "\"; filename*=UTF-8''" + encode(name);
    }

    /** RFC 5987 value characters: letters, digits and {@code !#$&+-.^_`|~} as they are, every other byte %XX. */
    static String encode(String text) {
        StringBuilder b = new StringBuilder();
        for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
