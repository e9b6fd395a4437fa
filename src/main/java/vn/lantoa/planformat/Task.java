package vn.lantoa.planformat;

/**
 * Nhiệm vụ.
 *
 * @param text the task as written
 * @param due  when it is due, or null
 * @param kind what it asks for
 */
public record Task(String text, TimeRef due, TaskKind kind) {
}
