package vn.lantoa.importing;

import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The styles of a DOCX (styles.xml), as far as reading needs them: bold, italic, font, alignment, numbering. */
final class DocxStyles {

    record Style(String basedOn, Boolean bold, Boolean italic, String font, String jc, String numId, Integer ilvl) {
    }

    private final Map<String, Style> byId = new HashMap<>();
    private String defaultFont;
    private String defaultParagraphStyle;

    static boolean on(String val) {
        return val == null || !(val.equals("0") || val.equals("false") || val.equals("off") || val.equals("none"));
    }

    static String font(XMLStreamReader xml) {
        String font = xml.getAttributeValue(DocxReader.W, "ascii");
        if (font == null) {
            font = xml.getAttributeValue(DocxReader.W, "hAnsi");
        }
        return font;
    }

    void read(XMLStreamReader xml, int maxDepth) throws XMLStreamException {
        String id = null;
        String basedOn = null;
        Boolean bold = null;
        Boolean italic = null;
        String font = null;
        String jc = null;
        String numId = null;
        Integer ilvl = null;
        boolean isDefault = false;
        boolean inDefaults = false;
        int depth = 0;
        while (xml.hasNext()) {
            int event = DocxReader.next(xml);
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (xml.getLocalName().equals("style") && id != null) {
                    byId.put(id, new Style(basedOn, bold, italic, font, jc, numId, ilvl));
                    if (isDefault) {
                        defaultParagraphStyle = id;
                    }
                    id = null;
                } else if (xml.getLocalName().equals("docDefaults")) {
                    inDefaults = false;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (++depth > maxDepth) {
                throw ImportRejected.corrupt("Word");
            }
            String val = xml.getAttributeValue(DocxReader.W, "val");
            switch (xml.getLocalName()) {
                case "docDefaults" -> inDefaults = true;
                case "style" -> {
                    String type = xml.getAttributeValue(DocxReader.W, "type");
                    id = xml.getAttributeValue(DocxReader.W, "styleId");
                    isDefault = "paragraph".equals(type) && on(xml.getAttributeValue(DocxReader.W, "default"))
                            && xml.getAttributeValue(DocxReader.W, "default") != null;
                    basedOn = null;
                    bold = null;
                    italic = null;
                    font = null;
                    jc = null;
                    numId = null;
                    ilvl = null;
                }
                case "basedOn" -> basedOn = val;
                case "b" -> bold = on(val);
                case "i" -> italic = on(val);
                case "rFonts" -> {
                    if (inDefaults) {
                        defaultFont = font(xml);
                    } else {
                        font = font(xml);
                    }
                }
                case "jc" -> jc = val;
                case "numId" -> numId = val;
                case "ilvl" -> ilvl = DocxReader.intOr(val, 0);
                default -> {
                }
            }
        }
    }

    /** A paragraph style with what it inherits filled in; null for none. */
    Style paragraph(String id) {
        Style own = id == null ? byId.get(defaultParagraphStyle) : byId.get(id);
        if (own == null) {
            return null;
        }
        Style resolved = own;
        String parent = own.basedOn();
        for (int guard = 0; parent != null && guard < 20; guard++) {
            Style p = byId.get(parent);
            if (p == null) {
                break;
            }
            resolved = new Style(p.basedOn(), first(resolved.bold(), p.bold()), first(resolved.italic(), p.italic()),
                    first(resolved.font(), p.font()), first(resolved.jc(), p.jc()), first(resolved.numId(), p.numId()),
                    first(resolved.ilvl(), p.ilvl()));
            parent = p.basedOn();
        }
        return resolved;
    }

    private Style character(String id) {
        return id == null ? null : paragraph(id);
    }

    boolean bold(String runStyle, String paragraphStyle) {
        Style r = character(runStyle);
        if (r != null && r.bold() != null) {
            return r.bold();
        }
        Style p = paragraph(paragraphStyle);
        return p != null && p.bold() != null && p.bold();
    }

    boolean italic(String runStyle, String paragraphStyle) {
        Style r = character(runStyle);
        if (r != null && r.italic() != null) {
            return r.italic();
        }
        Style p = paragraph(paragraphStyle);
        return p != null && p.italic() != null && p.italic();
    }

    String font(String runStyle, String paragraphStyle) {
        Style r = character(runStyle);
        if (r != null && r.font() != null) {
            return r.font();
        }
        Style p = paragraph(paragraphStyle);
        return p != null && p.font() != null ? p.font() : defaultFont;
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
