package dev.stride.workout.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;

/**
 * Reads a {@code multipart/form-data} upload as a stream (Tomcat's bundled Commons FileUpload
 * streaming API, through the kit's size-limited request stream): no temporary files, the file part
 * is counted and hashed (SHA-256) while it is read, and reading stops as soon as it passes the
 * limit. Form fields are small (at most {@link #MAX_FIELD} bytes each, {@link #MAX_PARTS} parts).
 */
final class MultipartUpload {

    static final int MAX_FIELD = 1024;
    static final int MAX_PARTS = 10;

    record Received(String fileName, byte[] content, String sha256, String sport, String title,
            String visibility) {
    }

    private MultipartUpload() {
    }

    static Received read(HttpServletRequest request, long maxFileBytes) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw new StrideProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the file as multipart/form-data with the field 'file'.");
        }
        String fileName = null;
        byte[] content = null;
        String sha = null;
        String sport = null;
        String title = null;
        String visibility = null;
        int parts = 0;
        try {
            FileItemIterator items = new FileUpload().getItemIterator(new ServletRequestContext(request));
            while (items.hasNext()) {
                FileItemStream item = items.next();
                if (++parts > MAX_PARTS) {
                    throw badRequest("The upload has too many parts.");
                }
                String field = item.getFieldName();
                try (InputStream in = item.openStream()) {
                    if ("file".equals(field)) {
                        if (content != null) {
                            throw badRequest("Send exactly one file per upload.");
                        }
                        MessageDigest digest = MessageDigest.getInstance("SHA-256");
                        content = readLimited(in, maxFileBytes, digest, request);
                        sha = HexFormat.of().formatHex(digest.digest());
                        fileName = item.getName();
                    } else {
                        String value = field(in);
                        switch (field == null ? "" : field) {
                            case "sport" -> sport = value;
                            case "title" -> title = value;
                            case "visibility" -> visibility = value;
                            default -> {
                                // unknown fields are ignored
                            }
                        }
                    }
                }
            }
        } catch (IOException ex) {
            if (tooLarge(ex)) {
                throw tooLargeProblem(maxFileBytes);
            }
            throw badRequest("The multipart body could not be read.");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        if (content == null) {
            throw badRequest("The upload has no part named 'file'.");
        }
        if (content.length == 0) {
            throw badRequest("The file is empty.");
        }
        return new Received(fileName, content, sha, blankToNull(sport), blankToNull(title), blankToNull(visibility));
    }

    private static byte[] readLimited(InputStream in, long max, MessageDigest digest, HttpServletRequest request)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) {
                drain(request);
                throw tooLargeProblem(max);
            }
            digest.update(buf, 0, n);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Reads what is left of the body (bounded by the kit's body limit) so that the client, still
     * sending, gets the 413 instead of a reset connection.
     */
    private static void drain(HttpServletRequest request) {
        try (InputStream rest = request.getInputStream()) {
            rest.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException ignored) {
            // the body is over the kit's limit or the client went away: the answer is 413 either way
        }
    }

    private static String field(InputStream in) throws IOException {
        byte[] value = in.readNBytes(MAX_FIELD + 1);
        if (value.length > MAX_FIELD) {
            throw badRequest("A form field of the upload is longer than " + MAX_FIELD + " bytes.");
        }
        return new String(value, StandardCharsets.UTF_8).strip();
    }

    private static boolean tooLarge(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // the kit's RequestTooLargeException (the whole body passed stride.http.max-large-body-size)
            if (t.getClass().getSimpleName().equals("RequestTooLargeException")) {
                return true;
            }
        }
        return false;
    }

    static StrideProblemException tooLargeProblem(long max) {
        return new StrideProblemException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The file is larger than " + (max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MB" : max + " bytes")
                        + "; compress it with gzip or split it.");
    }

    private static StrideProblemException badRequest(String detail) {
        return new StrideProblemException(ErrorCode.MALFORMED_REQUEST, detail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
