package vn.lantoa.importing.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lantoa.planformat.Event;
import vn.lantoa.planformat.Warning;
import vn.lantoa.planformat.WarningCode;

/**
 * The congresses (and other events) a document names, and which names mean one event: "Đại hội XIV của Đảng" is
 * "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"; "Đại hội Đảng bộ Khối" is "Đại hội Đảng bộ Khối lần thứ X" when
 * that is the only ordinal the document gives it. A congress given two ordinals is a contradiction worth a warning;
 * one whose resolution (nghị quyết) or term (nhiệm kỳ) is cited is a past congress and does not count.
 */
public final class Events {

    private static final Pattern NOUN = Pattern.compile(
            "\\b(dai hoi|hoi nghi|ky hop|le ky niem|cuoc bau cu|bau cu)\\b");
    /** Words that end an event's name, in their exact forms ("đang" ends it, "Đảng" does not). */
    private static final Set<String> STOP_WORDS = Set.of("đến", "tới", "và", "trong", "là", "nhằm", "để", "với",
            "tại", "gắn", "thì", "từ", "sau", "trước", "khi", "cùng", "như", "hoặc", "bằng", "qua", "theo", "trên",
            "về", "đồng", "thời", "sẽ", "đã", "đang", "được", "có", "vào", "ra", "nay", "do", "phải", "cần", "diễn",
            "nhưng", "mà", "này", "đó", "chào", "hướng");
    private static final Map<String, Integer> ORDINAL_WORDS = Map.ofEntries(Map.entry("nhat", 1),
            Map.entry("hai", 2), Map.entry("ba", 3), Map.entry("tu", 4), Map.entry("bon", 4), Map.entry("nam", 5),
            Map.entry("sau", 6), Map.entry("bay", 7), Map.entry("tam", 8), Map.entry("chin", 9),
            Map.entry("muoi", 10));
    private static final Pattern TERM = Pattern.compile("nhiem ky\\s{0,3}(\\d{4})\\s{0,3}[-–]\\s{0,3}(\\d{4})");
    private static final int MAX_WORDS = 24;

    /** One naming of an event in the text. */
    record Mention(String name, Key key, boolean past, Line line) {
    }

    /** What identifies a congress: its body ("dang bo tinh"), its ordinal (14) and its term ("2025-2030"). */
    record Key(List<String> body, int ordinal, String term) {

        boolean compatible(Key other) {
            return bodyCompatible(other) && (ordinal == 0 || other.ordinal == 0 || ordinal == other.ordinal)
                    && (term == null || other.term == null || term.equals(other.term));
        }

        boolean bodyCompatible(Key other) {
            List<String> a = body.size() <= other.body.size() ? body : other.body;
            List<String> b = a == body ? other.body : body;
            if (a.equals(b)) {
                return !a.isEmpty();
            }
            return a.size() >= 2 && b.subList(0, a.size()).equals(a);
        }
    }

    /** Distinct namings (by key, past or not), at most {@link #MAX_KEYS}: a hostile text may name thousands. */
    private final Map<String, Mention> distinct = new LinkedHashMap<>();
    private final List<Mention> mentions = new ArrayList<>();
    private static final int MAX_KEYS = 256;
    private final Map<String, String> used = new LinkedHashMap<>();

    /** Collects every congress the lines name. */
    public static Events of(List<Line> lines) {
        Events events = new Events();
        for (Line line : lines) {
            Matcher m = NOUN.matcher(line.folded);
            int next = 0;
            while (m.find(next)) {
                int end = nameEnd(line.text, line.folded, m.start());
                next = Math.max(m.end(), end);
                if (!m.group(1).equals("dai hoi")) {
                    continue;
                }
                String name = trim(line.text.substring(m.start(), end));
                Key key = key(name);
                if (key.body.isEmpty() || isGeneric(key)) {
                    continue;
                }
                events.add(new Mention(name, key, past(line.folded, m.start()), line));
            }
        }
        return events;
    }

    private void add(Mention m) {
        String id = m.key + (m.past ? "/past" : "");
        Mention before = distinct.get(id);
        if (before == null) {
            if (distinct.size() >= MAX_KEYS) {
                return;
            }
            distinct.put(id, m);
            mentions.add(m);
        } else if (score(m.name, m.key) > score(before.name, before.key)) {
            distinct.put(id, m);
            mentions.set(mentions.indexOf(before), m);
        }
    }

    /** Where the event name that starts at {@code start} ends. */
    static int nameEnd(String text, String folded, int start) {
        int i = start;
        int words = 0;
        int end = start;
        String previous = "";
        while (i < folded.length() && words < MAX_WORDS) {
            int gapStart = i;
            while (i < folded.length() && !Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            if (i >= folded.length()) {
                break;
            }
            String gap = folded.substring(gapStart, i);
            int wordEnd = i;
            while (wordEnd < folded.length() && Character.isLetterOrDigit(folded.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = folded.substring(i, wordEnd);
            String exact = text.substring(i, wordEnd); // capitalised words are names, never stop words
            if (words > 0 && !gapAllows(gap, previous, word, folded, wordEnd)) {
                break;
            }
            if (words >= 2 && STOP_WORDS.contains(exact) && !continuesName(previous, word, folded, wordEnd)) {
                break;
            }
            if (words >= 2 && word.chars().allMatch(Character::isDigit)
                    && (startsWithWord(folded, wordEnd, "ngay") || previous.equals("nam")
                            && !endsWithKy(folded, i))) {
                break;
            }
            if (words >= 2 && word.equals("nam") && digitsFollow(folded, wordEnd) && !previous.equals("ky")) {
                break;
            }
            words++;
            end = wordEnd;
            previous = word;
            i = wordEnd;
        }
        return end;
    }

    private static boolean gapAllows(String gap, String previous, String word, String folded, int wordEnd) {
        String g = gap.trim();
        if (g.isEmpty()) {
            return gap.length() <= 2;
        }
        if (g.equals(",")) {
            // "đại hội chi, đảng bộ cơ sở", "lần thứ I, nhiệm kỳ 2025-2030"
            return previous.equals("chi") && word.equals("dang") || word.equals("nhiem") && startsWithWord(folded,
                    wordEnd, "ky");
        }
        if (g.equals("-") || g.equals("–")) {
            return Character.isDigit(previous.isEmpty() ? 'x' : previous.charAt(previous.length() - 1))
                    && Character.isDigit(word.charAt(0));
        }
        return false;
    }

    private static boolean continuesName(String previous, String word, String folded, int wordEnd) {
        // "Khối cơ quan và doanh nghiệp tỉnh"
        return word.equals("va") && startsWithWord(folded, wordEnd, "doanh nghiep");
    }

    private static boolean startsWithWord(String folded, int at, String word) {
        int i = Dates.skipSpaces(folded, at);
        return Fold.wordAt(folded, i, word);
    }

    private static boolean digitsFollow(String folded, int at) {
        int i = Dates.skipSpaces(folded, at);
        return i < folded.length() && Character.isDigit(folded.charAt(i));
    }

    private static boolean endsWithKy(String folded, int at) {
        int i = at - 1;
        while (i >= 0 && folded.charAt(i) == ' ') {
            i--;
        }
        return i >= 1 && folded.startsWith("ky", i - 1);
    }

    static String trim(String name) {
        int end = name.length();
        while (end > 0 && ",;:.-– ".indexOf(name.charAt(end - 1)) >= 0) {
            end--;
        }
        return name.substring(0, end).trim();
    }

    /** The key of an event name. */
    static Key key(String name) {
        String folded = Fold.of(name);
        String[] words = name.split("[^\\p{L}\\p{N}]+");
        String[] fw = folded.split("[^\\p{L}\\p{N}]+");
        List<String> body = new ArrayList<>();
        int ordinal = 0;
        boolean national = false;
        String term = null;
        Matcher t = TERM.matcher(folded);
        if (t.find()) {
            term = t.group(1) + "-" + t.group(2);
        }
        for (int i = 0; i < fw.length && i < words.length; i++) {
            String f = fw[i];
            String w = words[i];
            if (f.isEmpty()) {
                continue;
            }
            if (f.equals("dai") && i + 1 < fw.length && (fw[i + 1].equals("hoi") || fw[i + 1].equals("bieu"))) {
                i++;
                continue;
            }
            if (f.equals("lan") && i + 1 < fw.length && fw[i + 1].equals("thu")) {
                i++;
                if (i + 1 < fw.length) {
                    String o = fw[i + 1];
                    Integer v = ORDINAL_WORDS.get(o);
                    if (v != null) {
                        ordinal = v;
                        i++;
                    } else if (o.chars().allMatch(Character::isDigit) && o.length() <= 3) {
                        ordinal = Integer.parseInt(o);
                        i++;
                    }
                }
                continue;
            }
            int roman = w.equals(w.toUpperCase(java.util.Locale.ROOT)) ? Roman.value(w) : 0;
            if (roman > 0) {
                ordinal = roman;
                continue;
            }
            if (f.equals("toan") && i + 1 < fw.length && fw[i + 1].equals("quoc")) {
                national = true;
                i++;
                continue;
            }
            if (f.equals("nhiem") && i + 1 < fw.length && fw[i + 1].equals("ky")) {
                break;
            }
            if (f.equals("cua") || f.equals("hoi") && body.isEmpty() && i > 0 && fw[i - 1].equals("dai")) {
                continue;
            }
            body.add(f);
        }
        if (body.size() >= 4 && body.subList(0, 4).equals(List.of("dang", "cong", "san", "viet"))) {
            body = new ArrayList<>(List.of("dang"));
        }
        if (national && (body.isEmpty() || body.equals(List.of("dang")))) {
            body = List.of("dang");
        }
        return new Key(List.copyOf(body), ordinal, term);
    }

    private static boolean isGeneric(Key key) {
        String body = String.join(" ", key.body);
        return body.contains("cac cap") || body.contains("cap tren") || body.endsWith(" cap")
                || body.startsWith("cac ");
    }

    /** Whether the congress named at {@code at} is a past one: its resolution or its term is what is cited. */
    private static boolean past(String folded, int at) {
        int from = Math.max(0, at - 80);
        for (int i = at - 1; i >= from; i--) {
            char c = folded.charAt(i);
            if (c == ';' || c == '.' || c == ':') {
                from = i + 1;
                break;
            }
        }
        String before = folded.substring(from, at);
        return before.contains("nghi quyet") || before.endsWith("nhiem ky ") || before.endsWith("khoa ")
                || before.contains("ket qua thuc hien");
    }

    /**
     * The name under which the plan lists an event the text names: the fullest naming of the same congress, when the
     * document gives it only one ordinal.
     */
    public String canonical(String name) {
        String n = trim(name);
        String known = used.get(n);
        if (known != null) {
            return known;
        }
        Key key = key(n);
        String best = n;
        if (!key.body.isEmpty()) {
            Set<Integer> ordinals = new LinkedHashSet<>();
            List<Mention> same = new ArrayList<>();
            for (Mention m : mentions) {
                if (!m.past && m.key.compatible(key)) {
                    same.add(m);
                    if (m.key.ordinal > 0) {
                        ordinals.add(m.key.ordinal);
                    }
                }
            }
            if (key.ordinal == 0 && key.term != null) {
                ordinals.clear();
                for (Mention m : same) {
                    if (key.term.equals(m.key.term) && m.key.ordinal > 0) {
                        ordinals.add(m.key.ordinal);
                    }
                }
            }
            if (key.ordinal > 0 || ordinals.size() <= 1) {
                int ordinal = key.ordinal > 0 ? key.ordinal : ordinals.isEmpty() ? 0 : ordinals.iterator().next();
                int bestScore = score(n, key);
                for (Mention m : same) {
                    // a naming by its term ("nhiệm kỳ 2025-2030") is only completed by namings of that term
                    boolean termFits = key.term == null || key.term.equals(m.key.term)
                            || m.key.term == null && key.ordinal > 0;
                    if ((ordinal == 0 || m.key.ordinal == ordinal) && termFits && score(m.name, m.key) > bestScore) {
                        best = m.name;
                        bestScore = score(m.name, m.key);
                    }
                }
            }
        }
        // one event, one name: a name already chosen for an alias of this one wins
        for (String chosen : used.values()) {
            if (key(chosen).compatible(key(best)) && key(chosen).ordinal == key(best).ordinal
                    && !key(best).body.isEmpty()) {
                best = chosen;
                break;
            }
        }
        used.put(n, best);
        return best;
    }

    private static int score(String name, Key key) {
        String f = Fold.of(name);
        return (key.ordinal > 0 ? 1000 : 0) + (f.contains("dai bieu") ? 200 : 0) + (f.contains("lan thu") ? 100 : 0)
                + Math.min(name.length(), 99);
    }

    /** The events the plan refers to, in the order first referred to. */
    public List<Event> used() {
        List<Event> out = new ArrayList<>();
        for (String name : new LinkedHashSet<>(used.values())) {
            out.add(new Event(name, null, null));
        }
        return out;
    }

    /** One congress given two ordinals (past congresses set apart). */
    public List<Warning> ordinalWarnings() {
        List<Warning> out = new ArrayList<>();
        List<Mention> present = new ArrayList<>();
        for (Mention m : mentions) {
            if (!m.past && m.key.ordinal > 0) {
                present.add(m);
            }
        }
        Set<String> reported = new LinkedHashSet<>();
        for (int i = 0; i < present.size(); i++) {
            for (int j = i + 1; j < present.size(); j++) {
                Mention a = present.get(i);
                Mention b = present.get(j);
                if (a.key.ordinal != b.key.ordinal && a.key.bodyCompatible(b.key)
                        && (a.key.term == null || b.key.term == null || a.key.term.equals(b.key.term))) {
                    String body = String.join(" ", a.key.body.size() <= b.key.body.size() ? a.key.body : b.key.body);
                    int lo = Math.min(a.key.ordinal, b.key.ordinal);
                    int hi = Math.max(a.key.ordinal, b.key.ordinal);
                    if (reported.add(body + lo + "/" + hi)) {
                        out.add(WarningCode.INCONSISTENT_EVENT_ORDINAL.at(b.line.quote(), a.name,
                                Roman.of(a.key.ordinal), Roman.of(b.key.ordinal)));
                    }
                }
            }
        }
        return out;
    }
}
