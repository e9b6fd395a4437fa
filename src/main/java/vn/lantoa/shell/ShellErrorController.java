package vn.lantoa.shell;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import vn.lantoa.shared.Problem;

/**
 * The container's error path ({@code /error}): what fails outside a controller (a filter, the servlet container)
 * lands here, and is answered like any other problem, in Vietnamese, without a stack trace.
 */
@Controller
class ShellErrorController implements ErrorController {

    private final ProblemResponses responses;

    ShellErrorController(ProblemResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpServletRequest original = uri == null ? request : new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return uri.toString();
            }
        };
        Problem problem = switch (status) {
            case 400 -> Problem.badRequest("MALFORMED_REQUEST", "Dữ liệu gửi lên không đọc được.");
            case 401 -> new Problem(401, "UNAUTHENTICATED", "Bạn cần đăng nhập để tiếp tục.");
            case 403 -> Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
            case 404 -> Problem.notFound("NOT_FOUND", "Không tìm thấy trang hoặc dữ liệu yêu cầu.");
            case 405 -> new Problem(405, "METHOD_NOT_ALLOWED", "Phương thức không được hỗ trợ.");
            case 413 -> new Problem(413, "FILE_TOO_LARGE", "Tệp vượt quá dung lượng cho phép ({0} MB).", 20);
            case 415 -> new Problem(415, "UNSUPPORTED_MEDIA_TYPE", "Kiểu nội dung không được hỗ trợ.");
            default -> new Problem(status >= 400 ? status : 500, "INTERNAL_ERROR",
                    "Đã có lỗi ngoài dự kiến. Vui lòng thử lại; nếu vẫn lỗi, hãy báo cho quản trị hệ thống.");
        };
        return responses.answer(problem, original);
    }
}
