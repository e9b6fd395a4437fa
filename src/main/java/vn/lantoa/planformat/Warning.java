package vn.lantoa.planformat;

/**
 * Cảnh báo: something a person should look at — the document contradicts itself, a symbol was repaired, the text
 * was in a legacy encoding.
 *
 * @param code    stable code from the spec's table ({@code inconsistent-citation-date}, {@code legacy-encoding} …)
 * @param message Vietnamese, for the official
 * @param where   where it was found: a section label or a short quote of the text
 */
public record Warning(String code, String message, String where) {
}
