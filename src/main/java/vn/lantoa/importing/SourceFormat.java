package vn.lantoa.importing;

/** The kinds of file the importer reads, recognised by content, not by name. */
public enum SourceFormat {
    DOCX, PDF, TXT, MARKDOWN
}
