/**
 * Dòng lệnh: {@code java -jar lantoa.jar <command>} and the {@code lantoa} launcher. Commands that only read and
 * write files (import, check, render) run without Spring; commands that need the database (user) start the
 * application context without the web server.
 */
package vn.lantoa.cli;
