package vn.lantoa.account.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Chính sách mật khẩu (S-20, S-21, S-22): length, and nothing guessable. No composition rules and no expiry for
 * ordinary users: a long Vietnamese passphrase beats "P@ssw0rd1".
 * <ul>
 * <li>At least {@code lantoa.security.password.min-length} characters (14 by default: S-20 asks for 14 while there is
 * no second factor), at most 128; counted in Unicode characters after NFC normalisation, so "ệ" is one.</li>
 * <li>Not one of the bundled common passwords (the 11,611 entries of 8 characters or more among zxcvbn's 30,000 most
 * frequent, plus a hand-made Vietnamese list), also when only digits or symbols are added around one, and not a
 * run of fewer than five distinct characters.</li>
 * <li>Not containing a context word: "lantoa", "matkhau", "123456", the user name, the person's name, the unit's
 * short name (all compared folded: no case, no tone marks, no spaces).</li>
 * </ul>
 */
@Component
public class PasswordPolicy {

    /** Longer passwords are refused (S-20: 128 must be accepted). */
    public static final int MAX_LENGTH = 128;

    private static final List<String> FIXED_CONTEXT = List.of("lantoa", "lan toa", "matkhau", "mat khau", "123456",
            "password", "qwerty");

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(@Value("${lantoa.security.password.min-length:14}") int minLength) {
        this.minLength = minLength;
        Set<String> words = new HashSet<>();
        load("/account/common-passwords.txt", words);
        load("/account/common-passwords-vi.txt", words);
        this.common = Set.copyOf(words);
    }

    public int minLength() {
        return minLength;
    }

    /** The words of a person and their unit that a password must not contain. */
    public record Context(String username, String displayName, String unitShortName) {
    }

    /** Throws a 400 {@link Problem} when the password breaks a rule; the password is NFC-normalised first. */
    public void check(String rawPassword, Context context) {
        String password = VietnameseText.nfc(rawPassword == null ? "" : rawPassword);
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            throw Problem.badRequest("PASSWORD_TOO_SHORT", "Mật khẩu phải có ít nhất {0} ký tự.", minLength);
        }
        if (length > MAX_LENGTH) {
            throw Problem.badRequest("PASSWORD_TOO_LONG", "Mật khẩu dài quá {0} ký tự.", MAX_LENGTH);
        }
        if (isCommon(password)) {
            throw Problem.badRequest("PASSWORD_COMMON",
                    "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn một câu dài mà chỉ bạn nhớ.");
        }
        String compact = compact(password);
        for (String word : contextWords(context)) {
            if (compact.contains(word)) {
                throw Problem.badRequest("PASSWORD_CONTEXT",
                        "Mật khẩu không được chứa tên đăng nhập, họ tên, tên đơn vị hoặc những từ dễ đoán như \"lantoa\", \"matkhau\".");
            }
        }
    }

    boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String compact = compact(password);
        if (common.contains(lower) || common.contains(compact)) {
            return true;
        }
        // a common password with digits or symbols stuck on ("password2025!", "!!anhyeuem")
        String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (!core.isEmpty() && (common.contains(core) || common.contains(compact(core)))) {
            return true;
        }
        return password.codePoints().distinct().count() < 5;
    }

    private static List<String> contextWords(Context context) {
        List<String> words = new ArrayList<>();
        FIXED_CONTEXT.forEach(w -> words.add(compact(w)));
        if (context != null) {
            for (String value : new String[] {context.username(), context.displayName(), context.unitShortName()}) {
                String word = compact(value);
                if (word.length() >= 4) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** Folded and without spaces: "Mật Khẩu 1" → "matkhau1". */
    static String compact(String text) {
        return text == null ? "" : VietnameseText.fold(text).replace(" ", "");
    }

    private static void load(String resource, Set<String> into) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    into.add(line.toLowerCase(Locale.ROOT));
                    into.add(compact(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
