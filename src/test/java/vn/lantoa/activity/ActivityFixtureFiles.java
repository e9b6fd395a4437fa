package vn.lantoa.activity;

/** Evidence files for tests of other packages. */
public final class ActivityFixtureFiles {

    private ActivityFixtureFiles() {
    }

    /** A small JPEG photo. */
    public static byte[] jpeg(int width, int height) {
        return ReportingWorld.photo("jpg", width, height);
    }
}
