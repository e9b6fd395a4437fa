/**
 * Kế hoạch dạng dữ liệu: the {@code lantoa.plan/1} interchange format of {@code shared/spec/plan-json.md} as Java
 * records, with its JSON reading and writing and its validation. Plain Java: no Spring, so that the importer, the
 * renderer and the command line use it without starting the application.
 */
package vn.lantoa.planformat;
