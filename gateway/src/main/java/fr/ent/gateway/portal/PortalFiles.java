package fr.ent.gateway.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The portal's built files (the {@code ent-portal} jar: {@code META-INF/ent-portal/...}), read once
 * at start-up into memory, each with its type, a strong ETag and, for text, a gzipped copy. The
 * whole app is a few hundred kilobytes; serving from memory keeps it off the event loop's disk.
 */
public final class PortalFiles {

    static final String ROOT = "META-INF/ent-portal";

    /** One file: the path it is served at (e.g. {@code /assets/index-abc123.js}). */
    public record File(String path, byte[] bytes, byte[] gzipped, String contentType, String etag) {
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final Map<String, File> files;

    private PortalFiles(Map<String, File> files) {
        this.files = files;
    }

    public Optional<File> get(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public int size() {
        return files.size();
    }

    /** Reads the files under {@link #ROOT} wherever the class loader finds them (a jar or a folder). */
    public static PortalFiles load(ClassLoader loader) {
        URL index = loader.getResource(ROOT + "/index.html");
        if (index == null) {
            return new PortalFiles(Map.of());
        }
        try {
            String url = index.toString();
            if (url.startsWith("jar:")) {
                URL jar = new URL(url.substring(0, url.indexOf("!/") + 2));
                try (FileSystem fs = FileSystems.newFileSystem(java.net.URI.create(jar.toString()), Map.of())) {
                    return new PortalFiles(read(fs.getPath(ROOT)));
                }
            }
            return new PortalFiles(read(Path.of(index.toURI()).getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the portal's files from " + index, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the portal's files from " + index, e);
        }
    }

    private static Map<String, File> read(Path root) throws IOException {
        Map<String, File> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String path = "/" + root.relativize(p).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(p);
                String type = typeOf(path);
                files.put(path, new File(path, bytes, compressible(type) ? gzip(bytes) : null, type, etag(bytes)));
            }
        }
        return Map.copyOf(files);
    }

    static String typeOf(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/manifest")
                || type.startsWith("image/svg");
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
