package vn.lantoa.planformat;

import java.time.LocalDate;

/**
 * A document cited by this one (văn bản được viện dẫn).
 *
 * @param kind     the type abbreviation (KH, CT, NQ, HD …)
 * @param symbol   the normalised symbol ({@code 361-KH/TU}, {@code 3420/HD-BVHTTDL})
 * @param issuedOn its date, where the text gives one
 * @param issuer   its issuer, where the text gives one
 */
public record DocumentRef(String kind, String symbol, LocalDate issuedOn, String issuer) {
}
