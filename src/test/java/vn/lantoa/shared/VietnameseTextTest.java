package vn.lantoa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldingIgnoresMarksCaseAndTonePlacement() {
        assertThat(VietnameseText.fold("Ủy ban")).isEqualTo("uy ban");
        assertThat(VietnameseText.fold("Uỷ ban")).isEqualTo("uy ban");
        assertThat(VietnameseText.fold("ĐẢNG ủy  Khối-CQ&DN")).isEqualTo("dang uy khoi cq dn");
        assertThat(VietnameseText.fold(Normalizer.normalize("Ủy ban", Normalizer.Form.NFD))).isEqualTo("uy ban");
    }

    @Test
    void searchFindsTypedWordsInOrderAtWordStarts() {
        assertThat(VietnameseText.matches("Ủy ban nhân dân phường An Dương", "uy ban")).isTrue();
        assertThat(VietnameseText.matches("Uỷ ban nhân dân", "uy ban")).isTrue();
        assertThat(VietnameseText.matches("Đảng ủy phường", "dang")).isTrue();
        assertThat(VietnameseText.matches("Ủy ban nhân dân phường An Dương", "uy ban an duong")).isTrue();
        assertThat(VietnameseText.matches("Ủy ban nhân dân phường An Dương", "an duong uy ban")).isFalse();
        assertThat(VietnameseText.matches("Ủy ban nhân dân", "ban nhan")).isTrue();
        assertThat(VietnameseText.matches("Ủy ban nhân dân", "an")).isFalse();
    }

    @Test
    void vietnameseSortingKeepsSpacesAndLetterOrder() {
        List<String> names = new ArrayList<>(List.of("Hải Phòng", "Hạ Long", "Hà Giang", "Đà Nẵng", "Cần Thơ"));
        names.sort(VietnameseText.byName());
        assertThat(names).containsExactly("Cần Thơ", "Đà Nẵng", "Hà Giang", "Hạ Long", "Hải Phòng");
    }

    @Test
    void nfcIsApplied() {
        String nfd = Normalizer.normalize("Kế hoạch", Normalizer.Form.NFD);
        assertThat(VietnameseText.nfc(nfd)).isEqualTo("Kế hoạch").hasSize(8);
    }
}
