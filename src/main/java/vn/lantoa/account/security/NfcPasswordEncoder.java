package vn.lantoa.account.security;

import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.lantoa.shared.VietnameseText;

/**
 * Argon2id over the NFC-normalised password, stored as {@code {argon2}$argon2id$…} (S-23). A Vietnamese password
 * typed with a "tổ hợp" keyboard (NFD: "e" + U+0302 + U+0323) is the same password as one typed precomposed ("ệ");
 * Argon2 has no input length limit, unlike BCrypt's 72 bytes, so a 64-character passphrase counts to its last
 * character. Parameters: Spring Security's 5.8 defaults (16-byte salt, 32-byte hash, 16 MiB, 2 iterations).
 */
public final class NfcPasswordEncoder implements PasswordEncoder {

    static final String ID = "argon2";

    private final PasswordEncoder delegate;

    public NfcPasswordEncoder() {
        this.delegate = new DelegatingPasswordEncoder(ID,
                Map.of(ID, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(VietnameseText.nfc(rawPassword.toString()));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        return delegate.matches(VietnameseText.nfc(rawPassword.toString()), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
