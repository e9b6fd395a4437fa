package vn.lantoa.planformat;

/**
 * Người ký.
 *
 * @param name      the person's name
 * @param position  the person's own position ("Phó Bí thư", "Phó Chủ tịch")
 * @param authority on whose behalf they sign ("T/M Ban Thường vụ", "TM. Ủy ban nhân dân, KT. Chủ tịch")
 */
public record Signer(String name, String position, String authority) {
}
