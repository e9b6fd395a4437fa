package vn.lantoa.organization;

import java.util.List;
import java.util.Map;

import vn.lantoa.shared.Problem;

/** The refusals of this module, each with its stable code; the texts are under {@code problem.<CODE>} as well. */
final class UnitProblems {

    private UnitProblems() {
    }

    static Problem notFound(long id) {
        return Problem.notFound("UNIT_NOT_FOUND", "Không tìm thấy đơn vị số {0}.", String.valueOf(id));
    }

    static Problem forbidden() {
        return Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
    }

    static Problem closed(Unit unit) {
        return Problem.conflict("UNIT_CLOSED", "Đơn vị \"{0}\" đã giải thể hoặc sáp nhập, không thể thay đổi.",
                unit.shortName());
    }

    static Problem stale() {
        return Problem.conflict("STALE_VERSION",
                "Dữ liệu đã được người khác sửa trước bạn. Hãy tải lại để xem bản mới nhất.");
    }

    static Problem moveUnderDescendant() {
        return Problem.conflict("UNIT_MOVE_UNDER_DESCENDANT",
                "Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.");
    }

    static Problem mergeInvalid() {
        return Problem.conflict("UNIT_MERGE_INVALID",
                "Không thể sáp nhập một đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.");
    }

    static Problem hasOpenChildren(Unit unit) {
        return Problem.conflict("UNIT_HAS_OPEN_CHILDREN",
                "Đơn vị \"{0}\" còn đơn vị trực thuộc đang hoạt động: hãy chuyển, giải thể chúng trước, hoặc sáp nhập đơn vị.",
                unit.shortName());
    }

    static Problem invalid(String detailKey, String defaultMessage, Object... args) {
        return Problem.badRequest(detailKey, defaultMessage, args);
    }

    static Problem effectiveDateInFuture() {
        return Problem.badRequest("EFFECTIVE_DATE_IN_FUTURE", "Ngày hiệu lực không được sau ngày hôm nay.");
    }

    static Problem effectiveDateBeforeLastChange(java.time.LocalDate last) {
        return Problem.badRequest("EFFECTIVE_DATE_BEFORE_LAST_CHANGE",
                "Ngày hiệu lực phải từ ngày thay đổi gần nhất của đơn vị ({0}) trở đi.",
                last.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    }

    static Problem bulkRejected(List<RejectedRow> rows) {
        return new Problem(422, "BULK_REJECTED",
                "Tệp có {0} dòng không hợp lệ; chưa đơn vị nào được thêm. Hãy sửa các dòng bị từ chối rồi tải lên lại.",
                Map.of("rejectedRows", rows), String.valueOf(rows.size()));
    }

    static Problem bulkUnreadable(String why) {
        return Problem.unprocessable("BULK_FILE_UNREADABLE", "Không đọc được tệp: {0}", why);
    }
}
