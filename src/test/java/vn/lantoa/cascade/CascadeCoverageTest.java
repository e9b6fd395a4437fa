package vn.lantoa.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lantoa.planformat.Channel;
import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;

/** Coverage matched on meaning-bearing folded words: what a derived plan carries of its parent, and what it leaves. */
class CascadeCoverageTest {

    static Plan plan(List<Phase> phases, List<Channel> channels, List<String> themes) {
        return new Plan(new DocumentHeader("KH", "354", "354-KH/TU", null, null, null, null, "tuyên truyền", null),
                List.of(), List.of(), List.of(), phases, channels, themes, List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    static Phase phase(String label, String title, String... content) {
        return new Phase(label, title, null, null, List.of(content), List.of());
    }

    @Test
    void carriedWhenTheMeaningBearingWordsAreThereWhateverTheMarksLeftOutOtherwise() {
        Plan parent = plan(List.of(phase("Đợt 1", "Trước Đại hội Đảng bộ tỉnh", "Treo băng rôn"),
                phase("Đợt 2", "Sau Đại hội: học tập, quán triệt Nghị quyết", "Phát hành tài liệu")),
                List.of(new Channel(ChannelKind.MASS_MEDIA, "Báo chí, phát thanh", List.of("Đài truyền thanh")),
                        new Channel(ChannelKind.EXHIBITION, "Triển lãm ảnh", List.of())),
                List.of("Niềm tin mới, khí thế mới", "Bảo vệ nền tảng tư tưởng của Đảng"));
        // typed without diacritics for one phase, the other phase, a theme and a channel missing
        Plan derived = plan(List.of(phase("Giai đoạn 1", "Truoc dai hoi dang bo tinh", "Treo bang ron tai phuong")),
                List.of(new Channel(ChannelKind.MASS_MEDIA, "Loa phát thanh phường", List.of())),
                List.of("NIỀM TIN MỚI – KHÍ THẾ MỚI"));

        CascadeCoverage.Coverage c = CascadeCoverage.compare(2, 1, parent, derived,
                List.of("Xây dựng kế hoạch tuyên truyền Đại hội", "Tổ chức hội thi tìm hiểu lịch sử Đảng bộ"));

        assertThat(c.phases()).extracting(CascadeCoverage.Item::carried).containsExactly(true, false);
        assertThat(c.phases().get(0).text()).isEqualTo("Đợt 1: Trước Đại hội Đảng bộ tỉnh");
        assertThat(c.themes()).extracting(CascadeCoverage.Item::carried).containsExactly(true, false);
        assertThat(c.channels()).extracting(CascadeCoverage.Item::carried).containsExactly(true, false);
        // "đại hội" is in the derived text; "hội thi", "lịch sử" are not
        assertThat(c.tasks()).extracting(CascadeCoverage.Item::carried).containsExactly(true, false);
        assertThat(c.carried()).isEqualTo(4);
        assertThat(c.total()).isEqualTo(8);
    }

    @Test
    void wordsEveryPlanUsesDoNotMakeAMatch() {
        assertThat(CascadeCoverage.words("Tổ chức tuyên truyền, triển khai thực hiện kế hoạch các đợt")).isEmpty();
        assertThat(CascadeCoverage.words("Đẩy mạnh tuyên truyền về Đại hội")).containsExactly("day", "manh", "dai", "hoi");
        assertThat(CascadeCoverage.covers(CascadeCoverage.words("Đại hội thi đua"),
                CascadeCoverage.words("Hội thi tìm hiểu lịch sử"))).isFalse();
    }
}
