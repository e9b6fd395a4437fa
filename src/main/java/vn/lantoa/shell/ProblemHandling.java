package vn.lantoa.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import vn.lantoa.shared.Problem;

/**
 * Every error a controller lets out becomes a {@link Problem}: the modules' own refusals as they are, the
 * framework's (a malformed body, a wrong method, a file too large) under stable codes. Nothing reaches the user as a
 * stack trace; an unexpected failure is logged here and answered with a neutral 500.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final ProblemResponses responses;

    ProblemHandling(ProblemResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(Problem.class)
    ModelAndView problem(Problem problem, HttpServletRequest request) {
        return responses.answer(problem, request);
    }

    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
    ModelAndView notFound(Exception e, HttpServletRequest request) {
        return responses.answer(Problem.notFound("NOT_FOUND", "Không tìm thấy trang hoặc dữ liệu yêu cầu."), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return responses.answer(new Problem(405, "METHOD_NOT_ALLOWED", "Phương thức không được hỗ trợ.", e.getMethod()),
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return responses.answer(new Problem(415, "UNSUPPORTED_MEDIA_TYPE", "Kiểu nội dung không được hỗ trợ."), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return responses.answer(new Problem(406, "NOT_ACCEPTABLE", "Không thể trả lời theo kiểu nội dung yêu cầu."),
                request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ModelAndView unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return responses.answer(Problem.badRequest("MALFORMED_REQUEST", "Dữ liệu gửi lên không đọc được."), request);
    }

    @ExceptionHandler({ MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MethodArgumentTypeMismatchException.class })
    ModelAndView badParameter(Exception e, HttpServletRequest request) {
        String name = "?";
        if (e instanceof MissingServletRequestParameterException m) {
            name = m.getParameterName();
        } else if (e instanceof MissingServletRequestPartException m) {
            name = m.getRequestPartName();
        } else if (e instanceof MethodArgumentTypeMismatchException m) {
            name = m.getName();
        }
        return responses.answer(new Problem(400, "INVALID_PARAMETER", "Tham số \"{0}\" thiếu hoặc không hợp lệ.",
                Map.of("parameter", name), name), request);
    }

    @ExceptionHandler(BindException.class)
    ModelAndView invalid(BindException e, HttpServletRequest request) {
        List<Map<String, Object>> errors = e.getFieldErrors().stream().map(f -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("pointer", "/" + f.getField().replace('.', '/'));
            error.put("detail", f.getDefaultMessage());
            return error;
        }).toList();
        return responses.answer(new Problem(400, "VALIDATION", "Dữ liệu không hợp lệ.", Map.of("errors", errors)),
                request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ModelAndView constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, Object>> errors = e.getConstraintViolations().stream().map(v -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("pointer", "/" + String.valueOf(v.getPropertyPath()).replace('.', '/'));
            error.put("detail", v.getMessage());
            return error;
        }).toList();
        return responses.answer(new Problem(400, "VALIDATION", "Dữ liệu không hợp lệ.", Map.of("errors", errors)),
                request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return responses.answer(new Problem(413, "FILE_TOO_LARGE", "Tệp vượt quá dung lượng cho phép ({0} MB).", 20), request);
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView multipart(MultipartException e, HttpServletRequest request) {
        if (e.getCause() != null && e.getCause().getClass().getSimpleName().contains("SizeLimit")) {
            return tooLarge(null, request);
        }
        return responses.answer(Problem.badRequest("MALFORMED_REQUEST", "Dữ liệu gửi lên không đọc được."), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView stale(OptimisticLockingFailureException e, HttpServletRequest request) {
        return responses.answer(Problem.conflict("STALE_VERSION",
                "Dữ liệu đã được người khác sửa trước bạn. Hãy tải lại để xem bản mới nhất."), request);
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ModelAndView databaseDown(DataAccessResourceFailureException e, HttpServletRequest request) {
        log.warn("Database unavailable: {}", e.getMessage());
        return responses.answer(new Problem(503, "DB_UNAVAILABLE",
                "Cơ sở dữ liệu tạm thời không phản hồi. Vui lòng thử lại sau ít phút."), request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // the security filters answer these (401, 403) in their own way
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return responses.answer(new Problem(500, "INTERNAL_ERROR",
                "Đã có lỗi ngoài dự kiến. Vui lòng thử lại; nếu vẫn lỗi, hãy báo cho quản trị hệ thống."), request);
    }
}
