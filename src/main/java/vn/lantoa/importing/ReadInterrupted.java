package vn.lantoa.importing;

/** Thrown inside a reader when its thread was interrupted (the import timed out): stop at once, keep nothing. */
final class ReadInterrupted extends RuntimeException {

    ReadInterrupted() {
        super("interrupted", null, false, false);
    }
}
