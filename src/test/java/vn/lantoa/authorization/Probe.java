package vn.lantoa.authorization;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One HTTP call that performs an action: through the API (JSON, answered with problem+json) or through a page (a
 * form, answered with HTML or a redirect). {@code pattern} is the handler's path pattern, as the handler mapping
 * shows it: the completeness test matches routes against it.
 */
record Probe(Channel channel, HttpMethod method, String pattern, Function<Ctx, Object[]> vars,
        BiConsumer<Ctx, AbstractMockHttpServletRequestBuilder<?>> content, Function<Ctx, String> marker,
        Function<Ctx, String> file, String fileName) {

    enum Channel {
        API, PAGE
    }

    static Probe api(HttpMethod method, String pattern) {
        return new Probe(Channel.API, method, pattern, ctx -> new Object[0], (ctx, request) -> {
        }, null, null, null);
    }

    static Probe page(HttpMethod method, String pattern) {
        return new Probe(Channel.PAGE, method, pattern, ctx -> new Object[0], (ctx, request) -> {
        }, null, null, null);
    }

    /** The values of the pattern's variables. */
    Probe vars(Function<Ctx, Object[]> values) {
        return new Probe(channel, method, pattern, values, content, marker, file, fileName);
    }

    /** For lists and reads: a text that appears in the answer when the target is shown (absent when FILTERED). */
    Probe marker(Function<Ctx, String> text) {
        return new Probe(channel, method, pattern, vars, content, text, file, fileName);
    }

    /** A JSON body. */
    Probe json(Function<Ctx, Map<String, ?>> body) {
        return new Probe(channel, method, pattern, vars, (ctx, request) -> request
                .contentType(MediaType.APPLICATION_JSON)
                .content(AuthorizationFixture.JSON.writeValueAsString(body.apply(ctx))), marker, file, fileName);
    }

    /** Request parameters (the query of a GET, the fields of a form). */
    Probe params(Function<Ctx, Map<String, ?>> values) {
        return new Probe(channel, method, pattern, vars, (ctx, request) -> values.apply(ctx)
                .forEach((name, value) -> request.param(name, String.valueOf(value))), marker, file, fileName);
    }

    /** A multipart upload of a text file (field "file"), plus the given parameters. */
    Probe upload(String name, Function<Ctx, String> text, Function<Ctx, Map<String, ?>> values) {
        return new Probe(channel, method, pattern, vars, (ctx, request) -> values.apply(ctx)
                .forEach((key, value) -> request.param(key, String.valueOf(value))), marker, text, name);
    }

    boolean writes() {
        return method != HttpMethod.GET;
    }

    AbstractMockHttpServletRequestBuilder<?> build(Ctx ctx) {
        Object[] values = vars.apply(ctx);
        if (file != null) {
            MockMultipartHttpServletRequestBuilder upload = MockMvcRequestBuilders.multipart(method, pattern, values);
            String text = file.apply(ctx);
            // a binary file (an XLSX) travels as "base64:…"
            byte[] bytes = text.startsWith("base64:") ? java.util.Base64.getDecoder().decode(text.substring(7))
                    : text.getBytes(StandardCharsets.UTF_8);
            upload.file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes));
            content.accept(ctx, upload);
            return upload;
        }
        AbstractMockHttpServletRequestBuilder<?> request = MockMvcRequestBuilders.request(method, pattern, values);
        content.accept(ctx, request);
        return request;
    }

    @Override
    public String toString() {
        return channel + " " + method + " " + pattern;
    }
}
