package vn.lantoa.importing.structure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lantoa.planformat.TimeRef;
import vn.lantoa.planformat.TimeRef.Edge;
import vn.lantoa.planformat.TimeRef.Relation;

/**
 * Time clauses as plans write them: "Từ tháng 12/2024 đến tháng 05/2025", "Từ nay đến 31/8/2025", "Sau khi bế mạc
 * Đại hội X đến trước thời điểm diễn ra Đại hội Y", "Trong thời gian diễn ra Đại hội Z", "Từ sau Đại hội XIV và năm
 * 2026", "trước ngày 10/01/2025", "trước phiên khai mạc 01 ngày". Runs on folded text; event names are cut from the
 * original.
 */
public final class TimeClauses {

    private static final Pattern KEYWORD = Pattern.compile("\\b(tu nay|tu|ke tu|bat dau tu|sau khi|sau|truoc khi|truoc"
            + "|trong suot thoi gian|trong thoi gian|trong dip|trong|cho den|den khi|den het|den|toi|va ca nam|va nam)\\b");
    private static final Pattern QUARTER = Pattern.compile("quy\\s{1,3}(iv|iii|ii|i|[1-4])\\s{0,2}(?:/|\\s{1,3}nam\\s{1,3})\\s{0,2}(\\d{4})(?!\\d)");
    private static final Pattern YEARS = Pattern.compile("(?:nam\\s{1,3})?(\\d{4})\\s{0,2}[-–]\\s{0,2}(?:nam\\s{1,3})?(\\d{4})(?!\\d)");
    private static final Pattern MONTH_NO_YEAR = Pattern.compile("thang\\s{0,3}(\\d{1,2})(?![\\d/])");
    private static final Pattern YEAR_ALONE = Pattern.compile("nam\\s{1,3}(\\d{4})(?![\\d/])");
    private static final Pattern OFFSET = Pattern.compile("^\\s{0,3}(\\d{1,3})\\s{1,3}ngay\\b");
    private static final Pattern LEADING_YEAR = Pattern.compile("^\\s{0,3}(\\d{4})(?!\\d)");
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "^(\\d{1,2})\\s{0,2}(?:/|\\s{1,3}nam\\s{1,3})\\s{0,2}(\\d{4})");
    private static final Pattern DUE = Pattern.compile("\\b(truoc|cham nhat(?: la)?|han chot(?: la)?|han cuoi(?: la)?"
            + "|xong truoc|trong thang|vao ngay|truoc khi|thoi han(?: hoan thanh)?|han hoan thanh|hoan thanh)\\b");
    /** "tháng 4/2026" right after "thời hạn:" or "hoàn thành": the month is the deadline. */
    private static final Pattern MONTH_AFTER = Pattern.compile("^(?:trong\\s{1,3})?thang\\s{1,3}"
            + "(?:\\d{1,2}\\s{0,2}[-–]\\s{0,2}(?:thang\\s{1,3})?)?" // "tháng 4 - 5/2026": the range ends in May
            + "(\\d{1,2})\\s{0,2}(?:/|\\s{1,3}nam\\s{1,3})\\s{0,2}(\\d{4})");

    private TimeClauses() {
    }

    /** When a stretch of time starts and ends; either may be null. */
    public record Span(TimeRef start, TimeRef end, int from, int to) {
        Span(TimeRef start, TimeRef end) {
            this(start, end, -1, -1);
        }

        public boolean empty() {
            return start == null && end == null;
        }
    }

    /** A point read at a position, and where it ends. */
    private record Point(TimeRef time, int end, boolean noYear, int month) {
    }

    /** The span a clause states, or an empty span. */
    public static Span span(String text, Events events) {
        String f = Fold.of(text);
        TimeRef start = null;
        TimeRef end = null;
        int pendingMonth = 0;
        Matcher k = KEYWORD.matcher(f);
        int from = 0;
        int first = -1;
        int last = -1;
        while (from < f.length() && k.find(from)) {
            String word = k.group(1);
            int at = k.end();
            from = at;
            TimeRef s0 = start;
            TimeRef e0 = end;
            switch (word) {
                case "tu nay" -> {
                    if (start == null) {
                        start = TimeRef.issued();
                    }
                }
                case "tu", "ke tu", "bat dau tu" -> {
                    Point p = point(text, f, at, events, true);
                    if (p != null && start == null) {
                        start = p.time;
                        pendingMonth = p.noYear ? p.month : 0;
                        from = p.end;
                    }
                }
                case "sau", "sau khi" -> {
                    Point p = after(text, f, at, events);
                    if (p != null && start == null) {
                        start = p.time;
                        from = p.end;
                    }
                }
                case "truoc", "truoc khi" -> {
                    Point p = before(text, f, at, events);
                    if (p != null && end == null) {
                        end = p.time;
                        from = p.end;
                    }
                }
                case "trong suot thoi gian", "trong thoi gian", "trong dip", "trong" -> {
                    int i = skip(f, at, "dien ra", "to chuc", "dien ra cua");
                    String name = eventAt(text, f, i);
                    if (name != null && start == null && end == null) {
                        String e = events.canonical(name);
                        start = TimeRef.relative(e, Edge.START, Relation.AT);
                        end = TimeRef.relative(e, Edge.END, Relation.AT);
                        from = i + Events.nameEnd(text, f, i) - i;
                    } else if (start == null && end == null) {
                        Point p = calendar(f, i, false);
                        if (p != null && !(p.time instanceof TimeRef.Day)) {
                            start = p.time;
                            end = p.time;
                            from = p.end;
                        }
                    }
                }
                case "cho den", "den khi", "den het", "den", "toi" -> {
                    int i = at;
                    if (word.equals("den khi")) {
                        i = skipSpaces(f, at);
                        Point p = untilDone(text, f, i, events);
                        if (p != null) {
                            end = p.time;
                            from = p.end;
                        }
                        break;
                    }
                    Point p = until(text, f, i, events, word.equals("den het"));
                    if (p != null) {
                        end = p.time;
                        from = p.end;
                        if (pendingMonth > 0 && start instanceof TimeRef.Month sm && p.time instanceof TimeRef.Month em) {
                            int year = pendingMonth > em.month().getMonthValue() ? em.month().getYear() - 1
                                    : em.month().getYear();
                            start = TimeRef.month(YearMonth.of(year, sm.month().getMonthValue()));
                        } else if (pendingMonth > 100 && start instanceof TimeRef.Day sd
                                && p.time instanceof TimeRef.Day ed) {
                            LocalDate fixed = Dates.date(sd.date().getDayOfMonth(), sd.date().getMonthValue(),
                                    ed.date().getYear());
                            if (fixed != null && fixed.isAfter(ed.date())) {
                                fixed = fixed.minusYears(1);
                            }
                            start = fixed == null ? null : TimeRef.day(fixed);
                        }
                    }
                }
                case "va ca nam", "va nam" -> {
                    Matcher y = LEADING_YEAR.matcher(f.substring(at, Math.min(f.length(), at + 8)));
                    if (start != null && end == null && y.find()) {
                        end = TimeRef.year(Integer.parseInt(y.group(1)));
                    }
                }
                default -> {
                }
            }
            if (start != s0 || end != e0) {
                first = first < 0 ? k.start() : first;
                last = Math.max(last, Math.max(from, at));
            }
        }
        if (start == null && end == null) {
            // a clause that is only a time: "Tháng 8/2025", "Năm 2025", "Quý III/2025", "(dự kiến tháng 7/2025)",
            // or a range of two: "(tháng 4/2025 - tháng 6/2025)"
            int i = skipSpaces(f, 0);
            while (i < f.length() && (f.charAt(i) == '(' || f.charAt(i) == ':' || f.charAt(i) == ' ')) {
                i++;
            }
            i = skip(f, i, "du kien", "thoi gian", "trong");
            Point p = calendar(f, i, true);
            if (p != null && !p.noYear) {
                int j = skipSpaces(f, p.end);
                if (j < f.length() && (f.charAt(j) == '-' || f.charAt(j) == '–')) {
                    Point q = calendar(f, skipSpaces(f, j + 1), false);
                    if (q != null) {
                        return new Span(p.time, q.time, i, q.end);
                    }
                }
                Point q = calendar(f, i, false);
                if (q != null && (j >= f.length() - 1 || ")]:,.;".indexOf(f.charAt(j)) >= 0)) {
                    return new Span(p.time, q.time, i, p.end);
                }
            }
        }
        if (pendingMonth > 0 && (start instanceof TimeRef.Month m0 && m0.month().getYear() == 2000
                || start instanceof TimeRef.Day d0 && d0.date().getYear() == 2000)) {
            start = null; // a day or month without a year, and no year at the end of the range either
        }
        return first < 0 ? new Span(start, end) : new Span(start, end, first, Math.min(last, text.length()));
    }

    /** A point after "từ": a date, a month, a year, a quarter, or an event ("từ sau Đại hội X"). */
    private static Point point(String text, String f, int at, Events events, boolean asStart) {
        int i = skipSpaces(f, at);
        if (Fold.wordAt(f, i, "sau khi")) {
            return after(text, f, i + 7, events);
        }
        if (Fold.wordAt(f, i, "sau")) {
            return after(text, f, i + 3, events);
        }
        if (Fold.wordAt(f, i, "khi")) {
            i = skipSpaces(f, i + 3);
        }
        Point p = calendar(f, i, asStart);
        if (p != null) {
            return p;
        }
        i = skip(f, i, "khai mac", "thoi diem dien ra", "thoi diem khai mac", "thoi diem to chuc", "dien ra");
        String name = eventAt(text, f, i);
        if (name != null) {
            return new Point(TimeRef.relative(events.canonical(name), Edge.START, Relation.AT),
                    Events.nameEnd(text, f, i), false, 0);
        }
        return null;
    }

    /** "sau (khi) (bế mạc | kết thúc | hoàn thành) Đại hội X"; "sau ngày 03/02/2025" is the day after. */
    private static Point after(String text, String f, int at, Events events) {
        Dates.Found day = Dates.dateAt(f, at);
        if (day != null) {
            return new Point(TimeRef.day(day.date().plusDays(1)), day.end(), false, 0);
        }
        int i = skip(f, at, "khi");
        i = skip(f, i, "be mac", "ket thuc", "hoan thanh", "to chuc thanh cong", "thanh cong", "to chuc");
        String name = eventAt(text, f, i);
        if (name == null) {
            return null;
        }
        return new Point(TimeRef.relative(events.canonical(name), Edge.END, Relation.AFTER),
                Events.nameEnd(text, f, i), false, 0);
    }

    /** "trước (khi) (khai mạc | phiên khai mạc | thời điểm diễn ra) Đại hội X (01 ngày)", or "trước ngày 31/8/2025". */
    private static Point before(String text, String f, int at, Events events) {
        int i = skip(f, at, "khi");
        i = skip(f, i, "phien khai mac", "khai mac", "thoi diem dien ra", "thoi diem khai mac", "thoi diem to chuc",
                "thoi diem", "dien ra", "to chuc", "ngay khai mac");
        String name = eventAt(text, f, i);
        if (name != null) {
            int end = Events.nameEnd(text, f, i);
            Integer offset = null;
            Matcher o = OFFSET.matcher(f.substring(end, Math.min(f.length(), end + 12)));
            if (o.find()) {
                offset = -Integer.parseInt(o.group(1));
                end += o.end();
            }
            return new Point(new TimeRef.Relative(events.canonical(name), Edge.START, Relation.BEFORE, offset), end,
                    false, 0);
        }
        Dates.Found d = Dates.dateAt(f, at);
        if (d != null) {
            return new Point(TimeRef.day(d.date()), d.end(), false, 0);
        }
        return null;
    }

    /** "đến (hết) năm 2024", "đến tháng 05/2025", "đến 31/8/2025", "đến (trước) (thời điểm diễn ra) Đại hội X". */
    private static Point until(String text, String f, int at, Events events, boolean whole) {
        int i = skipSpaces(f, at);
        if (Fold.wordAt(f, i, "het")) {
            i = skipSpaces(f, i + 3);
        }
        if (Fold.wordAt(f, i, "khi")) {
            return untilDone(text, f, skipSpaces(f, i + 3), events);
        }
        Point p = calendar(f, i, false);
        if (p != null) {
            return p;
        }
        boolean before = false;
        if (Fold.wordAt(f, i, "truoc")) {
            before = true;
            i = skipSpaces(f, i + 5);
            if (Fold.wordAt(f, i, "khi")) {
                i = skipSpaces(f, i + 3);
            }
        }
        boolean at0 = false;
        int j = skip(f, i, "thoi diem dien ra", "thoi diem khai mac", "thoi diem to chuc", "khi dien ra", "dien ra",
                "khai mac", "ngay khai mac");
        if (j != i) {
            at0 = !before;
            i = j;
        }
        if (Fold.wordAt(f, i, "thoi diem")) {
            i = skipSpaces(f, i + 9);
        }
        String name = eventAt(text, f, i);
        if (name == null) {
            return null;
        }
        return new Point(TimeRef.relative(events.canonical(name), Edge.START, at0 ? Relation.AT : Relation.BEFORE),
                Events.nameEnd(text, f, i), false, 0);
    }

    /** "đến khi hoàn thành Đại hội X" → its end. */
    private static Point untilDone(String text, String f, int i, Events events) {
        int j = skip(f, i, "hoan thanh", "ket thuc", "be mac", "xong");
        if (j == i) {
            j = skip(f, i, "dien ra", "khai mac", "to chuc");
            String name = eventAt(text, f, j);
            return name == null ? null : new Point(TimeRef.relative(events.canonical(name), Edge.START, Relation.AT),
                    Events.nameEnd(text, f, j), false, 0);
        }
        String name = eventAt(text, f, j);
        return name == null ? null : new Point(TimeRef.relative(events.canonical(name), Edge.END, Relation.AT),
                Events.nameEnd(text, f, j), false, 0);
    }

    /** A calendar point right at {@code i}: date, month, quarter, year. */
    private static Point calendar(String f, int i, boolean asStart) {
        if (i >= f.length()) {
            return null;
        }
        Dates.Found d = Dates.dateAt(f, i);
        if (d != null) {
            return new Point(TimeRef.day(d.date()), d.end(), false, 0);
        }
        if (asStart) {
            // "từ (ngày) 01/5 đến (ngày) 30/6/2025": the year comes from the end of the range
            int j = Fold.wordAt(f, i, "ngay") ? skipSpaces(f, i + 4) : i;
            Matcher dm = Dates.DM.matcher(f);
            dm.region(j, Math.min(f.length(), j + 8));
            if (dm.lookingAt()) {
                int day = Integer.parseInt(dm.group(1));
                int month = Integer.parseInt(dm.group(2));
                if (Dates.date(day, month, 2000) != null) {
                    return new Point(TimeRef.day(LocalDate.of(2000, month, day)), dm.end(), true, month * 100 + day);
                }
            }
        }
        Matcher y = YEARS.matcher(f);
        y.region(i, f.length());
        if (y.lookingAt()) {
            // "2026 - 2030" (giai đoạn): a span of whole years
            int year = Integer.parseInt(asStart ? y.group(1) : y.group(2));
            return new Point(TimeRef.year(year), y.end(), false, 0);
        }
        Matcher m = Dates.MONTH.matcher(f);
        m.region(i, f.length());
        if (m.lookingAt()) {
            YearMonth ym = Dates.month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return ym == null ? null : new Point(TimeRef.month(ym), m.end(), false, 0);
        }
        m = QUARTER.matcher(f);
        m.region(i, f.length());
        if (m.lookingAt()) {
            int q = switch (m.group(1)) {
                case "i", "1" -> 1;
                case "ii", "2" -> 2;
                case "iii", "3" -> 3;
                default -> 4;
            };
            int year = Integer.parseInt(m.group(2));
            return new Point(TimeRef.month(YearMonth.of(year, asStart ? q * 3 - 2 : q * 3)), m.end(), false, 0);
        }
        m = YEAR_ALONE.matcher(f);
        m.region(i, f.length());
        if (m.lookingAt()) {
            return new Point(TimeRef.year(Integer.parseInt(m.group(1))), m.end(), false, 0);
        }
        m = MONTH_NO_YEAR.matcher(f);
        m.region(i, f.length());
        if (asStart && m.lookingAt()) {
            int month = Integer.parseInt(m.group(1));
            if (month >= 1 && month <= 12) {
                // the year comes from the end of the range: "từ tháng 6 đến tháng 8/2025"
                return new Point(TimeRef.month(YearMonth.of(2000, month)), m.end(), true, month);
            }
        }
        return null;
    }

    /** The event named at {@code i} ("Đại hội …", "Hội nghị …"), or null. */
    static String eventAt(String text, String f, int i) {
        i = skipSpaces(f, i);
        if (!(Fold.wordAt(f, i, "dai hoi") || Fold.wordAt(f, i, "hoi nghi") || Fold.wordAt(f, i, "ky hop")
                || Fold.wordAt(f, i, "le ky niem") || Fold.wordAt(f, i, "cuoc bau cu")
                || Fold.wordAt(f, i, "bau cu"))) {
            return null;
        }
        int end = Events.nameEnd(text, f, i);
        String name = Events.trim(text.substring(i, end));
        return name.length() < 7 ? null : name;
    }

    /**
     * When a task is due: "trước ngày 10/01/2025", "chậm nhất ngày 15/3", "trong tháng 8/2025", "trước khai mạc Đại
     * hội X 01 ngày". A day without a year takes {@code year} (0: none). Null when the text sets no deadline.
     */
    public static Due due(String text, Events events, int year) {
        return due(text, Fold.of(text), events, year);
    }

    /** {@link #due(String, Events, int)} with the text's folded form at hand. */
    static Due due(String text, String f, Events events, int year) {
        // a deadline needs one of these words; most tasks have none
        if (Fold.findAny(f, 0, "truoc", "cham nhat", "han chot", "han cuoi", "trong thang", "vao ngay", "thoi han",
                "hoan thanh") < 0) {
            return null;
        }
        Matcher m = DUE.matcher(f);
        int from = 0;
        while (from < f.length() && m.find(from)) {
            from = m.end();
            String word = m.group(1);
            int i = skipSpaces(f, m.end());
            boolean stated = word.startsWith("thoi han") || word.endsWith("hoan thanh");
            if (stated) {
                // "thời hạn: 20/3/2026", "hoàn thành ngày 15/4/2025", "thời hạn hoàn thành: tháng 4/2026"; a
                // "trước …" that follows is read on its own
                if (i < f.length() && f.charAt(i) == ':') {
                    i = skipSpaces(f, i + 1);
                }
                if (Fold.wordAt(f, i, "vao")) {
                    i = skipSpaces(f, i + 3);
                }
                Matcher mm = MONTH_AFTER.matcher(f.substring(i, Math.min(f.length(), i + 32)));
                if (mm.find()) {
                    YearMonth ym = Dates.month(Integer.parseInt(mm.group(1)), Integer.parseInt(mm.group(2)));
                    if (ym != null) {
                        return new Due(TimeRef.month(ym), false, null);
                    }
                }
                if (!Fold.wordAt(f, i, "ngay") && Dates.dateAt(f, i) == null) {
                    continue;
                }
            }
            if (word.equals("trong thang")) {
                Matcher mm = MONTH_YEAR.matcher(f.substring(i, Math.min(f.length(), i + 16)));
                if (mm.find()) {
                    YearMonth ym = Dates.month(Integer.parseInt(mm.group(1)), Integer.parseInt(mm.group(2)));
                    if (ym != null) {
                        return new Due(TimeRef.month(ym), false, null);
                    }
                }
                continue;
            }
            if (word.equals("truoc") || word.equals("truoc khi")) {
                Point p = before(text, f, m.end(), events);
                if (p != null && p.time instanceof TimeRef.Relative) {
                    return new Due(p.time, false, null);
                }
            }
            int j = i;
            if (Fold.wordAt(f, j, "ngay")) {
                j = skipSpaces(f, j + 4);
            }
            Dates.Found d = Dates.dateAt(f, j);
            if (d != null) {
                return new Due(TimeRef.day(d.date()), false, null);
            }
            if (year > 0) {
                Matcher dm = Dates.DM.matcher(f);
                dm.region(j, Math.min(f.length(), j + 8));
                if (dm.lookingAt()) {
                    LocalDate date = Dates.date(Integer.parseInt(dm.group(1)), Integer.parseInt(dm.group(2)), year);
                    if (date != null) {
                        return new Due(TimeRef.day(date), true, text.substring(dm.start(), dm.end()));
                    }
                }
            }
        }
        return null;
    }

    /** A deadline, and whether its year came from the context (with the day as printed). */
    public record Due(TimeRef time, boolean inferredYear, String printed) {
    }

    private static int skip(String f, int at, String... phrases) {
        int i = skipSpaces(f, at);
        for (String p : phrases) {
            if (Fold.wordAt(f, i, p)) {
                return skipSpaces(f, i + p.length());
            }
        }
        return i;
    }

    private static int skipSpaces(String f, int i) {
        return Dates.skipSpaces(f, i);
    }
}
