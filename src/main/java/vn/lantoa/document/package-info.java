/**
 * Văn bản chính thức: plans (KẾ HOẠCH) and reports (BÁO CÁO) rendered as the DOCX and PDF an official signs, in the
 * form of the State (Nghị định 30/2020/NĐ-CP, Phụ lục I) or of the Party (Hướng dẫn 36-HD/VPTW with Quy định
 * 66-QĐ/TW, and from 2026 Quy định 399-QĐ/TW).
 *
 * <p>The forms are data: one {@link vn.lantoa.document.FormatProfile} per system and period, in
 * {@code resources/document/profiles/*.json}, each number with the clause it comes from; a document is rendered and
 * checked by the profile valid on its issue date ({@link vn.lantoa.document.FormatProfiles#forDate}).
 *
 * <p>Both writers consume one intermediate layout (sub-package {@code layout}): the DOCX writer (Apache POI) and the PDF
 * writer (PDFBox, with its own line breaking and justification, Liberation Serif 2 bundled) cannot drift apart.
 * Plain Java, no Spring, so that the command line renders without starting the application
 * ({@link vn.lantoa.document.DocumentRenderer}); the HTTP endpoints are in the {@code web} sub-package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Văn bản")
package vn.lantoa.document;
