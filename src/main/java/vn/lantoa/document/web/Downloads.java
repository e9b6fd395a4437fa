package vn.lantoa.document.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.lantoa.document.DocumentFormat;
import vn.lantoa.document.DownloadName;

/** A rendered document as the answer: its type, its file name, never cached. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(byte[] bytes, DocumentFormat format, DownloadName name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, name.contentDisposition())
                .cacheControl(CacheControl.noStore())
                .body(bytes);
    }
}
