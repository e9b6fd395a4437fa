package vn.lantoa.importing.structure;

import java.util.ArrayList;
import java.util.HashMap;
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
            "nhưng", "mà", "này", "đó", "chào", "hướng", "tiến");
    private static final Map<String, Integer> ORDINAL_WORDS = Map.ofEntries(Map.entry("nhat", 1),
            Map.entry("hai", 2), Map.entry("ba", 3), Map.entry("tu", 4), Map.entry("bon", 4), Map.entry("nam", 5),
            Map.entry("sau", 6), Map.entry("bay", 7), Map.entry("tam", 8), Map.entry("chin", 9),
            Map.entry("muoi", 10));
    private static final Pattern TERM = Pattern.compile("nhiem ky\\s{0,3}(\\d{4})\\s{0,3}[-–]\\s{0,3}(\\d{4})");
    private static final int MAX_WORDS = 24;

    /** One naming of an event in the text. */
    record Mention(String name, Key key, boolean past, Line line, int score) {
        Mention(String name, Key key, boolean past, Line line) {
            this(name, key, past, line, Events.score(name, key));
        }
    }

    /** What identifies a congress: its body ("dang bo tinh"), its ordinal (14) and its term ("2025-2030"). */
    record Key(List<String> body, int ordinal, String term, String joined, String id) {

        Key(List<String> body, int ordinal, String term) {
            this(body, ordinal, term, String.join(" ", body));
        }

        private Key(List<String> body, int ordinal, String term, String joined) {
            this(body, ordinal, term, joined, joined + "|" + ordinal + "|" + term);
        }

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
    /** The congress the document is about (its title's), which a bare "Đại hội" means. */
    private String subject;

    /** Collects every congress the lines name. */
    public static Events of(List<Line> lines) {
        Events events = new Events();
        for (Line line : lines) {
            int at = line.folded.indexOf("dai hoi");
            while (at >= 0) {
                if (!Fold.wordAt(line.folded, at, "dai hoi")) {
                    at = line.folded.indexOf("dai hoi", at + 1);
                    continue;
                }
                int end = nameEnd(line.text, line.folded, at);
                int start = at;
                at = line.folded.indexOf("dai hoi", Math.max(at + 7, end));
                if (events.distinct.size() >= MAX_KEYS) {
                    continue;
                }
                String name = trim(line.text.substring(start, end));
                Key key = events.cachedKey(name);
                if (key.body.isEmpty() || isGeneric(key)) {
                    continue;
                }
                events.add(new Mention(name, key, past(line.folded, start), line));
            }
        }
        return events;
    }

    private void add(Mention m) {
        String id = m.past ? m.key.id + "|past" : m.key.id;
        Mention before = distinct.get(id);
        if (before == null) {
            if (distinct.size() >= MAX_KEYS) {
                return;
            }
            distinct.put(id, m);
            mentions.add(m);
        } else if (m.score > before.score) {
            distinct.put(id, m);
            mentions.set(mentions.indexOf(before), m);
        }
    }

    /** Events that know no congress: for asking whether a text states a time at all. */
    static Events none() {
        return new Events();
    }

    /** Takes the first congress a title names as the one a bare "Đại hội" means. */
    public void subjectFrom(String title) {
        if (title == null) {
            return;
        }
        String folded = Fold.of(title);
        Matcher m = NOUN.matcher(folded);
        while (m.find()) {
            if (!m.group(1).equals("dai hoi")) {
                continue;
            }
            String name = trim(title.substring(m.start(), nameEnd(title, folded, m.start())));
            Key key = key(name);
            if (!key.body.isEmpty() && !isGeneric(key)) {
                subject = name;
                return;
            }
        }
    }

    /** Where the event name that starts at {@code start} ends. */
    static int nameEnd(String text, String folded, int start) {
        int i = start;
        int words = 0;
        int end = start;
        int prevStart = -1;
        int prevEnd = -1;
        boolean termDone = false;
        int n = folded.length();
        while (i < n && words < MAX_WORDS && !termDone) {
            int gapStart = i;
            while (i < n && !Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int wordEnd = i;
            while (wordEnd < n && Character.isLetterOrDigit(folded.charAt(wordEnd))) {
                wordEnd++;
            }
            if (words > 0 && !gapAllows(folded, gapStart, i, prevStart, prevEnd, wordEnd)) {
                break;
            }
            int len = wordEnd - i;
            // stop words are short and lower case; a capitalised word is a name, never a stop word
            if (words >= 2 && len <= 6 && isStopWord(text, i, wordEnd)
                    && !(folded.startsWith("va", i) && len == 2 && startsWithWord(folded, wordEnd, "doanh nghiep"))) {
                break;
            }
            boolean digits = allDigits(folded, i, wordEnd);
            boolean previousNam = prevEnd - prevStart == 3 && folded.startsWith("nam", prevStart);
            if (words >= 2 && digits && (startsWithWord(folded, wordEnd, "ngay") || previousNam
                    && !endsWithKy(folded, i))) {
                break;
            }
            if (words >= 2 && len == 3 && folded.startsWith("nam", i) && digitsFollow(folded, wordEnd)
                    && !(prevEnd - prevStart == 2 && folded.startsWith("ky", prevStart))) {
                break;
            }
            // "… nhiệm kỳ 2025 - 2030" closes the name
            termDone = len == 4 && digits && hasDash(folded, gapStart, i) && prevEnd - prevStart == 4
                    && allDigits(folded, prevStart, prevEnd);
            words++;
            end = wordEnd;
            prevStart = i;
            prevEnd = wordEnd;
            i = wordEnd;
        }
        return end;
    }

    /** The stop words by their first character (all are below U+0200), to look one up without a substring. */
    private static final String[][] STOP_BY_INITIAL = new String[0x200][];

    static {
        for (String w : STOP_WORDS) {
            String[] before = STOP_BY_INITIAL[w.charAt(0)];
            String[] now = before == null ? new String[1] : java.util.Arrays.copyOf(before, before.length + 1);
            now[now.length - 1] = w;
            STOP_BY_INITIAL[w.charAt(0)] = now;
        }
    }

    /** {@code STOP_WORDS.contains(text.substring(from, to))}. */
    private static boolean isStopWord(String text, int from, int to) {
        char c = text.charAt(from);
        String[] candidates = c < STOP_BY_INITIAL.length ? STOP_BY_INITIAL[c] : null;
        if (candidates == null) {
            return false;
        }
        for (String w : candidates) {
            if (w.length() == to - from && text.startsWith(w, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return to > from;
    }

    private static boolean hasDash(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '-' || s.charAt(i) == '–') {
                return true;
            }
        }
        return false;
    }

    /** Whether the characters between two words let the name go on. */
    private static boolean gapAllows(String folded, int gapStart, int gapEnd, int prevStart, int prevEnd,
            int wordEnd) {
        int spaces = 0;
        char mark = 0;
        for (int k = gapStart; k < gapEnd; k++) {
            char c = folded.charAt(k);
            if (c == ' ') {
                spaces++;
            } else if (mark == 0) {
                mark = c;
            } else {
                return false;
            }
        }
        if (mark == 0) {
            return spaces <= 2;
        }
        int word = gapEnd;
        if (mark == ',') {
            // "đại hội chi, đảng bộ cơ sở", "lần thứ I, nhiệm kỳ 2025-2030"
            boolean chi = prevEnd - prevStart == 3 && folded.startsWith("chi", prevStart)
                    && wordEnd - word == 4 && folded.startsWith("dang", word);
            boolean term = wordEnd - word == 5 && folded.startsWith("nhiem", word) && startsWithWord(folded, wordEnd, "ky");
            return chi || term;
        }
        if (mark == '-' || mark == '–') {
            return prevEnd > prevStart && Character.isDigit(folded.charAt(prevEnd - 1))
                    && Character.isDigit(folded.charAt(word));
        }
        return false;
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

    private final Map<String, Key> keys = new HashMap<>();

    /** The key of a name, remembered: a document names the same congress many times. */
    private Key cachedKey(String name) {
        Key k = keys.get(name);
        if (k == null) {
            k = key(name);
            if (keys.size() < 4_096) {
                keys.put(name, k);
            }
        }
        return k;
    }

    /** The key of an event name. */
    static Key key(String name) {
        String folded = Fold.of(name);
        String[] words = words(name);
        String[] fw = words(folded);
        List<String> body = new ArrayList<>();
        int ordinal = 0;
        boolean national = false;
        String term = null;
        if (folded.contains("nhiem ky")) {
            Matcher t = TERM.matcher(folded);
            if (t.find()) {
                term = t.group(1) + "-" + t.group(2);
            }
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
            // a numeral in capitals starts with one of its letters
            int roman = "IVXLC".indexOf(w.charAt(0)) >= 0 && w.equals(w.toUpperCase(java.util.Locale.ROOT))
                    ? Roman.value(w) : 0;
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

    /** The words of a text: runs of letters and digits. */
    private static String[] words(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
        }
        return out.toArray(new String[0]);
    }

    private static boolean isGeneric(Key key) {
        String body = key.joined;
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
        if (subject != null && cachedKey(n).body.isEmpty() && cachedKey(n).ordinal == 0) {
            n = subject; // "trước khai mạc Đại hội": the congress the plan is about
        }
        String known = used.get(n);
        if (known != null) {
            return known;
        }
        Key key = cachedKey(n);
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
                    if ((ordinal == 0 || m.key.ordinal == ordinal) && termFits && m.score > bestScore) {
                        best = m.name;
                        bestScore = m.score;
                    }
                }
            }
        }
        // one event, one name: a name already chosen for an alias of this one wins
        Key bestKey = cachedKey(best);
        for (String chosen : used.values()) {
            Key chosenKey = cachedKey(chosen);
            if (chosenKey.compatible(bestKey) && chosenKey.ordinal == bestKey.ordinal && !bestKey.body.isEmpty()) {
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
