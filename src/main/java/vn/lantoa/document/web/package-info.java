/** The document module over HTTP: a plan's official document as DOCX or PDF. */
package vn.lantoa.document.web;
