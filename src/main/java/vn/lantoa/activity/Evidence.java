package vn.lantoa.activity;

/**
 * Minh chứng: a stored file or a link attached to an activity.
 *
 * @param id              stable id
 * @param kind            FILE or LINK
 * @param displayName     the file's name as shown (sanitised), or the link's text
 * @param mediaType       detected from the content ({@code image/jpeg}, {@code application/pdf} …), null for a link
 * @param sizeBytes       the file's size, null for a link
 * @param sha256          the file's SHA-256 (hex), by which its bytes are stored; null for a link
 * @param thumbnailSha256 the SHA-256 of the image's thumbnail (JPEG, no metadata), null otherwise
 * @param width           the image's width in pixels, null otherwise
 * @param height          the image's height in pixels, null otherwise
 * @param url             the link (http or https only), null for a file
 */
public record Evidence(long id, Kind kind, String displayName, String mediaType, Long sizeBytes, String sha256,
        String thumbnailSha256, Integer width, Integer height, String url) {

    /** A file or a link. */
    public enum Kind {
        FILE, LINK
    }

    /** Whether it is an image with a thumbnail. */
    public boolean hasThumbnail() {
        return thumbnailSha256 != null;
    }
}
