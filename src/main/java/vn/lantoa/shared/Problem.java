package vn.lantoa.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal that the user must understand: a stable {@link #code() code} (for programs and tests), an HTTP status,
 * and a Vietnamese message. The message is looked up in the module's message file under {@code problem.<code>} when
 * there is one (so that pages and the API say the same), and otherwise is the {@code defaultMessage} given here, so
 * that plain-Java modules (the importer, the command line) can speak Vietnamese without Spring.
 *
 * <p>Throwing a Problem means nothing was changed: services throw it before they write, or inside the transaction
 * that it rolls back.
 */
public class Problem extends RuntimeException {

    private final String code;
    private final int status;
    private final transient Object[] args;
    private final transient Map<String, Object> properties;
    private final String messageKey;

    public Problem(int status, String code, String defaultMessage, Object... args) {
        this(status, code, defaultMessage, Map.of(), args);
    }

    public Problem(int status, String code, String defaultMessage, Map<String, Object> properties, Object... args) {
        super(defaultMessage);
        this.status = status;
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.messageKey = null;
    }

    private Problem(Problem problem, String messageKey) {
        super(problem.getMessage());
        this.status = problem.status;
        this.code = problem.code;
        this.args = problem.args;
        this.properties = problem.properties;
        this.messageKey = messageKey;
    }

    /**
     * The same problem, its text taken from a module's own key: a stable code that the design gives to several modules
     * ({@code UNSUPPORTED_TYPE} for an imported plan and for a photo) needs a text that fits each.
     */
    public Problem withMessageKey(String key) {
        return new Problem(this, key);
    }

    /** 404: the thing does not exist, or the user may not know that it exists (the two must look the same). */
    public static Problem notFound(String code, String message, Object... args) {
        return new Problem(404, code, message, args);
    }

    /** 403: visible to the user, but the action is not theirs to take. */
    public static Problem forbidden(String code, String message, Object... args) {
        return new Problem(403, code, message, args);
    }

    /** 409: the thing is in a state that does not allow the action (issued, closed, edited by someone else). */
    public static Problem conflict(String code, String message, Object... args) {
        return new Problem(409, code, message, args);
    }

    /** 400: the request itself is wrong (a field, a type, a value). */
    public static Problem badRequest(String code, String message, Object... args) {
        return new Problem(400, code, message, args);
    }

    /** 422: the request is well-formed but its content cannot be accepted (a broken file, a rejected row). */
    public static Problem unprocessable(String code, String message, Object... args) {
        return new Problem(422, code, message, args);
    }

    /** Stable, upper-case error code: {@code UNIT_NOT_FOUND}, {@code DOC_EMPTY} … */
    public String code() {
        return code;
    }

    /** Where the message file holds this problem's text: {@code problem.<code>} unless a module chose its own key. */
    public String messageKey() {
        return messageKey != null ? messageKey : "problem." + code;
    }

    public int status() {
        return status;
    }

    /** Arguments of the message ({0}, {1} … in the message file). */
    public Object[] args() {
        return args.clone();
    }

    /** The Vietnamese message as given in code, with its arguments filled in. */
    public String defaultMessage() {
        String message = getMessage();
        return args.length == 0 || message == null ? message : java.text.MessageFormat.format(message.replace("'", "''"), args);
    }

    /** Extra members of the problem document (rejected rows, field errors …). */
    public Map<String, Object> properties() {
        return properties;
    }
}
