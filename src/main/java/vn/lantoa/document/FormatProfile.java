package vn.lantoa.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.lantoa.planformat.DocumentSystem;

/**
 * Thể thức văn bản: the rules of form of one system (Party or State) for one period, as read from its resource file.
 * Every rule carries the clause it comes from ({@link Rule#source()}); the typed accessors below are what the
 * renderer and the format check read.
 *
 * @param id        stable id ({@code state-nd30-2020})
 * @param system    Party or State
 * @param name      what it is, in Vietnamese
 * @param validFrom first day it applies (inclusive)
 * @param validTo   last day it applies (inclusive), null while it is in force
 * @param sources   the texts it cites, by short name
 * @param notes     what is uncertain in it
 * @param rules     the rules by key ({@code margin.topMm})
 */
public record FormatProfile(String id, DocumentSystem system, String name, LocalDate validFrom, LocalDate validTo,
        Map<String, String> sources, List<String> notes, Map<String, Rule> rules) {

    /** One rule: its value (number, text or flag), the range the text allows, its clause, and a note. */
    public record Rule(Object value, Double min, Double max, String source, String note) {

        /** Whether the text allows this number (true for rules without a range). */
        public boolean allows(double number) {
            return (min == null || number >= min - 1e-9) && (max == null || number <= max + 1e-9);
        }
    }

    public FormatProfile {
        sources = Map.copyOf(sources);
        notes = List.copyOf(notes);
        rules = Map.copyOf(rules);
    }

    /** Whether the profile applies to a document issued on that day. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The same rules under another id (a copy to check or to edit). */
    FormatProfile withId(String other) {
        return new FormatProfile(other, system, name, validFrom, validTo, sources, notes, rules);
    }

    public Rule rule(String key) {
        Rule rule = rules.get(key);
        if (rule == null) {
            throw new IllegalArgumentException("profile " + id + " has no rule " + key);
        }
        return rule;
    }

    /** A number (mm, pt, a fraction). */
    public double number(String key) {
        return ((Number) rule(key).value()).doubleValue();
    }

    public float pt(String key) {
        return (float) number(key);
    }

    /** A length given in millimetres, in points. */
    public float mmAsPt(String key) {
        return (float) (number(key) * 72.0 / 25.4);
    }

    public String text(String key) {
        Object value = rule(key).value();
        return value == null ? "" : value.toString();
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(rule(key).value());
    }
}
