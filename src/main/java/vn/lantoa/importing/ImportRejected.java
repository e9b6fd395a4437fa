package vn.lantoa.importing;

import java.util.Map;

import vn.lantoa.shared.Problem;

/**
 * Why a file was refused: every refusal of the importer as a {@link Problem} with a stable code and a Vietnamese
 * message (the same text is in {@code i18n/importing.properties} under {@code problem.<CODE>}). The HTTP shell maps
 * them to {@code application/problem+json}; the command line prints the message.
 */
public final class ImportRejected {

    public static final String DOC_EMPTY = "DOC_EMPTY";
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    public static final String TYPE_MISMATCH = "TYPE_MISMATCH";
    public static final String UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE";
    public static final String DOC_CORRUPT = "DOC_CORRUPT";
    public static final String DOC_XML_FORBIDDEN = "DOC_XML_FORBIDDEN";
    public static final String ZIP_BOMB = "ZIP_BOMB";
    public static final String DOC_TOO_LARGE_CONTENT = "DOC_TOO_LARGE_CONTENT";
    public static final String DOC_MACRO = "DOC_MACRO";
    public static final String DOC_ENCRYPTED = "DOC_ENCRYPTED";
    public static final String DOC_LEGACY_FORMAT = "DOC_LEGACY_FORMAT";
    public static final String PDF_ENCRYPTED = "PDF_ENCRYPTED";
    public static final String PDF_NO_TEXT = "PDF_NO_TEXT";
    public static final String TEXT_ENCODING = "TEXT_ENCODING";
    public static final String SECRET_MARKING = "SECRET_MARKING";
    public static final String DOC_TIMEOUT = "DOC_TIMEOUT";
    public static final String IMPORT_BUSY = "IMPORT_BUSY";

    private ImportRejected() {
    }

    static Problem empty() {
        return Problem.unprocessable(DOC_EMPTY, "Tệp rỗng.");
    }

    static Problem tooLarge(long maxBytes) {
        long mb = maxBytes / (1024 * 1024);
        return new Problem(413, FILE_TOO_LARGE, "Tệp vượt quá dung lượng cho phép ({0} MB).", mb);
    }

    /** The name says one format and the bytes another: "Tệp có đuôi .docx nhưng nội dung là PDF." */
    static Problem typeMismatch(String extension, String actual) {
        return new Problem(422, TYPE_MISMATCH, "Tệp có đuôi .{0} nhưng nội dung là {1}.",
                Map.of("extension", extension, "content", actual), extension, actual);
    }

    static Problem unsupported() {
        return new Problem(415, UNSUPPORTED_TYPE,
                "Không đọc được loại tệp này. Hãy dùng tệp Word (.docx), PDF có lớp văn bản, hoặc văn bản (.txt, .md).");
    }

    static Problem corrupt(String format) {
        return Problem.unprocessable(DOC_CORRUPT, "Tệp {0} bị hỏng hoặc không đúng cấu trúc, không đọc được.", format);
    }

    static Problem xmlForbidden() {
        return Problem.unprocessable(DOC_XML_FORBIDDEN,
                "Tệp chứa khai báo XML không được phép (DOCTYPE, thực thể ngoài). Hãy mở bằng Word và lưu lại.");
    }

    static Problem zipBomb() {
        return Problem.unprocessable(ZIP_BOMB,
                "Tệp nén bất thường (tỷ lệ nén hoặc số thành phần quá lớn), không phải một văn bản Word thông thường.");
    }

    static Problem tooMuchContent(int maxChars) {
        return Problem.unprocessable(DOC_TOO_LARGE_CONTENT,
                "Nội dung văn bản quá dài (hơn {0} ký tự hoặc quá nhiều trang) để là một kế hoạch.", maxChars);
    }

    static Problem macro() {
        return Problem.unprocessable(DOC_MACRO, "Tệp có macro, hãy lưu lại dưới dạng .docx.");
    }

    static Problem encrypted() {
        return Problem.unprocessable(DOC_ENCRYPTED,
                "Tệp được đặt mật khẩu, hệ thống không mở được. Hãy gỡ mật khẩu rồi tải lên lại.");
    }

    static Problem legacyWord() {
        return new Problem(415, DOC_LEGACY_FORMAT,
                "Tệp Word định dạng cũ (.doc) chưa được hỗ trợ. Hãy mở bằng Word và lưu lại dưới dạng .docx.");
    }

    static Problem pdfEncrypted() {
        return Problem.unprocessable(PDF_ENCRYPTED,
                "PDF được đặt mật khẩu hoặc cấm trích xuất văn bản. Hãy dùng bản không đặt mật khẩu.");
    }

    static Problem pdfNoText() {
        return Problem.unprocessable(PDF_NO_TEXT,
                "PDF không có lớp văn bản (bản quét). Hãy dùng tệp Word hoặc PDF xuất trực tiếp từ Word.");
    }

    static Problem textEncoding(int line, int column) {
        return new Problem(422, TEXT_ENCODING,
                "Tệp văn bản có ký tự không hợp lệ theo bảng mã UTF-8 ở dòng {0}, cột {1}. Hãy lưu lại với bảng mã UTF-8.",
                Map.of("line", line, "column", column), line, column);
    }

    static Problem secret(String mark) {
        return new Problem(422, SECRET_MARKING,
                "Văn bản có dấu chỉ độ mật \"{0}\" không được lưu trên hệ thống này.", Map.of("mark", mark), mark);
    }

    static Problem timeout(long seconds) {
        return Problem.unprocessable(DOC_TIMEOUT, "Đọc tệp quá thời gian cho phép ({0} giây). Tệp quá phức tạp hoặc bị hỏng.",
                seconds);
    }

    static Problem busy() {
        return new Problem(503, IMPORT_BUSY, "Hệ thống đang đọc nhiều tệp cùng lúc. Vui lòng thử lại sau ít phút.");
    }
}
