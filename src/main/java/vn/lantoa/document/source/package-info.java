/**
 * Where a document's content comes from inside the system: the organization tree (governing body, drafting unit,
 * place, signing authority of an issuing unit) and the reporting module's reports and consolidations, mapped to the
 * renderer's {@link vn.lantoa.document.ReportDocument}. Plain Java: the web layer and the benchmarks feed it.
 */
package vn.lantoa.document.source;
