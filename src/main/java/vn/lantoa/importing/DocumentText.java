package vn.lantoa.importing;

import java.util.List;

import vn.lantoa.planformat.Warning;

/**
 * Văn bản đã đọc: a document's text as blocks in reading order, whatever format it came in, with what the reading
 * itself had to say (a legacy encoding converted, invisible characters stripped).
 */
public record DocumentText(SourceFormat format, List<TextBlock> blocks, List<Warning> warnings) {

    public DocumentText {
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
    }
}
