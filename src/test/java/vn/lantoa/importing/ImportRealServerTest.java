package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * B-DOC-03 on the real server (Tomcat's multipart limit, which MockMvc does not apply): a 25 MB upload, sent with a
 * Content-Length and again chunked, is answered 413 FILE_TOO_LARGE as problem+json, and the importer spools nothing.
 * A seed goes through the same server with HTTP Basic (a demo account of the README).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportRealServerTest {

    private static final String BOUNDARY = "lantoa-boundary-7MA4YWxkTrZu0gW";
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("btg.prtc:Gio-Cat-Ninh-Chu-2026".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private static byte[] head(String name) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] TAIL = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                .header("Authorization", AUTH).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    @Test
    void aSeedImportsOverTheWire() throws Exception {
        byte[] file = Files.readAllBytes(Seeds.file("001_a29ead2a4e8d016a", "docx"));
        byte[] body = HostileDocumentsTest.concat(head("ke-hoach.docx"), file, TAIL);
        HttpResponse<String> response = http.send(request().POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("lantoa.plan/1").contains("15/KH-UBND");
    }

    @Test
    void twentyFiveMegabytesAreRefusedWithAndWithoutContentLength() throws Exception {
        java.util.Set<String> before = spooled();
        byte[] big = new byte[25 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        byte[] body = HostileDocumentsTest.concat(head("lon.docx"), big, TAIL);
        HttpResponse<String> sized = http.send(request().POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTooLarge(sized);
        HttpResponse<String> chunked = http.send(request().POST(chunked(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTooLarge(chunked);
        assertThat(spooled()).isEqualTo(before);
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"FILE_TOO_LARGE\"");
    }

    /** A body without a length: Java's client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                bytes.subscribe(subscriber);
            }
        };
    }

    private static java.util.Set<String> spooled() throws java.io.IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PlanImporter.SPOOL_PREFIX))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
