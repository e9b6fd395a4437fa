/**
 * Nhập kế hoạch: a plan document (DOCX, PDF, TXT, Markdown) becomes a structured plan. Reading a file safely into
 * {@link vn.lantoa.importing.DocumentText} (limits, timeouts, encodings, secrecy marks) is one half; reading the
 * plan's structure out of that text (header, bases, phases, assignments …) the other. Plain Java, no Spring, except
 * the HTTP endpoint in the {@code web} sub-package.
 */
package vn.lantoa.importing;
