/**
 * Khung giao diện: the web shell every page lives in (layout, navigation, home page, error pages), the Vietnamese
 * message source that gathers every module's message file, the translation of {@link vn.lantoa.shared.Problem}s and
 * framework errors into {@code application/problem+json}, the OpenAPI description, and the application clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Khung giao diện")
package vn.lantoa.shell;
