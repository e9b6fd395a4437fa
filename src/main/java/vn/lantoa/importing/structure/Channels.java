package vn.lantoa.importing.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.lantoa.planformat.Channel;
import vn.lantoa.planformat.ChannelKind;

/** The kinds of channel a text names ("panô, áp phích" is visual; "cuộc thi tìm hiểu" is a contest). */
public final class Channels {

    private static final Map<ChannelKind, List<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(ChannelKind.SOCIAL_MEDIA, List.of("mang xa hoi", "facebook", "zalo", "youtube", "tiktok", "fanpage",
                "khong gian mang", "internet", "nen tang so", "trang ca nhan"));
        WORDS.put(ChannelKind.MASS_MEDIA, List.of("thong tin dai chung", "bao chi", "bao dien tu", "bao in",
                "phat thanh", "truyen hinh", "truyen thanh", "cong thong tin", "trang thong tin", "trang tin",
                "website", "thong tin co so", "tap chi", "ban tin", "chuyen trang", "chuyen muc", "phong su",
                "tin bai", "co quan bao", "dai phat thanh"));
        WORDS.put(ChannelKind.ORAL, List.of("tuyen truyen mieng", "bao cao vien", "tuyen truyen vien", "hoi nghi",
                "sinh hoat chi bo", "noi chuyen", "thong tin thoi su", "toa dam", "dien dan", "hoi thao",
                "sinh hoat chinh tri"));
        WORDS.put(ChannelKind.VISUAL, List.of("truc quan", "pa no", "pano", "ap phich", "bang ron", "bang zon",
                "khau hieu", "man hinh led", "bang dien tu", "bang led", "den led", "co dang", "co to quoc", "co phuon",
                "tranh co dong", "cum co dong", "trang tri", "cong chao"));
        WORDS.put(ChannelKind.CULTURE_SPORTS, List.of("van hoa van nghe", "van nghe", "the thao", "the duc",
                "chuong trinh nghe thuat", "giao luu van hoa", "lien hoan"));
        WORDS.put(ChannelKind.EXHIBITION, List.of("trien lam", "trung bay"));
        WORDS.put(ChannelKind.CONTEST, List.of("cuoc thi", "thi tim hieu", "hoi thi", "thi viet", "trac nghiem",
                "thi sang tac", "thi thuyet trinh", "thi an tuong"));
        WORDS.put(ChannelKind.EMULATION, List.of("thi dua", "khen thuong", "ton vinh", "bieu duong",
                "dien hinh tien tien", "guong dien hinh"));
        WORDS.put(ChannelKind.COMMEMORATIVE_WORK, List.of("cong trinh", "phan viec", "gan bien"));
        WORDS.put(ChannelKind.LITERATURE_ART, List.of("van hoc", "tac pham"));
    }

    private Channels() {
    }

    /** The kinds a folded text names, in the order of their first mention. */
    public static List<ChannelKind> kinds(String text) {
        // an item longer than this says what kind it is in its first lines
        String folded = text.length() > 4000 ? text.substring(0, 4000) : text;
        Map<Integer, ChannelKind> byPosition = new java.util.TreeMap<>();
        for (Map.Entry<ChannelKind, List<String>> e : WORDS.entrySet()) {
            int first = Integer.MAX_VALUE;
            for (String w : e.getValue()) {
                int at = Fold.findWord(folded, w, 0);
                if (at >= 0 && at < first) {
                    first = at;
                }
            }
            if (first != Integer.MAX_VALUE) {
                byPosition.putIfAbsent(first, e.getKey());
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(byPosition.values()));
    }

    /**
     * The channels of one item of a "Hình thức" section: the kinds its heading names make channels with its items;
     * an item that names a kind of its own makes a channel of that kind too.
     */
    static List<Channel> of(Node node) {
        String title = node.heading();
        List<ChannelKind> head = kinds(node.headingFolded());
        List<Node> items = node.children;
        Map<ChannelKind, List<String>> byKind = new LinkedHashMap<>();
        for (ChannelKind k : head) {
            byKind.put(k, new ArrayList<>());
        }
        List<String> unclassified = new ArrayList<>();
        for (Node item : items) {
            String text = item.fullText();
            List<ChannelKind> own = kinds(Fold.of(text));
            Set<ChannelKind> extra = new LinkedHashSet<>(own);
            extra.removeAll(head);
            if (head.isEmpty() && own.isEmpty() || !head.isEmpty() && extra.isEmpty()) {
                unclassified.add(text);
            }
            for (ChannelKind k : extra) {
                byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(text);
            }
        }
        if (byKind.isEmpty()) {
            byKind.put(ChannelKind.OTHER, new ArrayList<>());
        }
        ChannelKind primary = byKind.keySet().iterator().next();
        byKind.get(primary).addAll(0, unclassified);
        List<Channel> out = new ArrayList<>();
        for (Map.Entry<ChannelKind, List<String>> e : byKind.entrySet()) {
            out.add(new Channel(e.getKey(), title, e.getValue()));
        }
        return out;
    }
}
