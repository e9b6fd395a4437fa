package vn.lantoa.importing.structure;

import java.util.regex.Pattern;

/** The end matter of a document: "Trên đây là …", "Nơi nhận:", the signature's "TM.", "KT.", "T/M". */
public final class Closing {

    static final Pattern AUTHORITY = Pattern.compile("(?:^|(?<=\\s)|(?<=\\p{Lu}))(T\\s?/\\s?M|TM|T\\.M|KT|K/T|TL|T/L|TUQ|Q)\\s?[.:]?\\s+(?=\\p{Lu}{2})");

    private Closing() {
    }

    /** Whether a folded line opens the end matter. */
    static boolean startsEndMatter(String folded) {
        return folded.startsWith("noi nhan") || folded.startsWith("tren day la") || folded.startsWith("tren day ")
                && folded.contains("ke hoach");
    }

    /** Whether a folded line is the "Nơi nhận" heading. */
    static boolean recipientsHeading(String folded) {
        return folded.startsWith("noi nhan");
    }

    /** Whether a line opens a signature: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ". */
    static boolean signatureStart(String text) {
        // the authority opens the line: T(M), K(T), Q; most lines are ruled out by their first letter
        return !text.isEmpty() && "TKQ".indexOf(text.charAt(0)) >= 0 && AUTHORITY.matcher(text).lookingAt()
                && Fold.isCaps(text);
    }
}
