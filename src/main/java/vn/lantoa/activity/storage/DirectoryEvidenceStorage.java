package vn.lantoa.activity.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import vn.lantoa.activity.EvidenceStorage;

/**
 * Evidence in a directory: {@code <root>/ab/cd/abcd…} by SHA-256, temporary files in {@code <root>/tmp} (the same file
 * system, so that keeping is an atomic rename). Safe for several instances sharing the directory: two writers of the
 * same bytes race to rename identical content, and whoever loses finds the file already there.
 */
public class DirectoryEvidenceStorage implements EvidenceStorage {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path tmp;

    public DirectoryEvidenceStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
    }

    public Path root() {
        return root;
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        Files.createDirectories(tmp);
        Path file = Files.createTempFile(tmp, "upload-", ".part");
        MessageDigest digest = sha256();
        long size = 0;
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
        return new Staged(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    @Override
    public boolean keep(Staged staged) throws IOException {
        Path target = path(staged.sha256());
        if (Files.exists(target)) {
            discard(staged);
            return false;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            discard(staged); // another writer kept the same bytes first
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the evidence directory must be on one file system with its tmp directory", e);
        }
        return true;
    }

    @Override
    public void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.file());
        } catch (IOException e) {
            // swept later with the other orphans
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    @Override
    public void remove(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    private Path path(String sha256) {
        if (sha256 == null || !SHA.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
