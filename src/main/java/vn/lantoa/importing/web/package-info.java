/**
 * The HTTP face of the importer: {@code POST /api/v1/imports}. The only part of {@code vn.lantoa.importing} that
 * uses Spring.
 */
package vn.lantoa.importing.web;
