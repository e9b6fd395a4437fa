package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.lantoa.shared.Problem;

/**
 * Any bytes given as a text file end in text or in a typed refusal, never in another exception, and quickly (B-DOC-30:
 * reading is linear). A plain test run replays the inputs in {@code TextReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes for the given duration.
 */
class TextReaderFuzzTest {

    private static final DocumentReader READER = new DocumentReader(ImportLimits.DEFAULT.withMaxChars(200_000));

    @FuzzTest(maxDuration = "60s")
    void readsAnyTextSafely(byte[] data) {
        for (boolean markdown : new boolean[] {false, true}) {
            try {
                DocumentText text = READER.readText(data, markdown);
                assertThat(text.blocks()).isNotEmpty();
                for (TextBlock block : text.blocks()) {
                    assertThat(block.text()).isNotBlank();
                    assertThat(Normalizer.isNormalized(block.text(), Normalizer.Form.NFC)).isTrue();
                    assertThat(block.text().chars().noneMatch(c -> TextCleanup.isInvisible((char) c))).isTrue();
                }
            } catch (Problem refused) {
                assertThat(refused.status()).isBetween(400, 499);
                assertThat(refused.defaultMessage()).isNotBlank();
            }
        }
    }
}
