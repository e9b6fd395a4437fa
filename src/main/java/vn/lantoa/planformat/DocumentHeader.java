package vn.lantoa.planformat;

import java.time.LocalDate;

/**
 * The document's own header (thể thức văn bản).
 *
 * @param kind     the type abbreviation: KH, BC, HD, CT, NQ, KL, TT, TB, QĐ, CV, CTr …
 * @param number   the number alone, as printed; null where the document has none
 * @param symbol   number + type + issuer code, normalised ({@code 354-KH/TU}, {@code 15/KH-UBND}); null without a
 *                 number
 * @param system   Party or State, which decides the shape of the symbol and of the rendered document
 * @param issuedOn the date it was signed
 * @param place    the place before the date ("Phan Rang - Tháp Chàm")
 * @param issuer   the body that issues it, as the document names it
 * @param title    the title (trích yếu) without the kind word
 * @param signer   who signed, or null when the text shows no signature
 */
public record DocumentHeader(String kind, String number, String symbol, DocumentSystem system, LocalDate issuedOn,
        String place, String issuer, String title, Signer signer) {

    static final DocumentHeader EMPTY = new DocumentHeader(null, null, null, null, null, null, null, null, null);
}
