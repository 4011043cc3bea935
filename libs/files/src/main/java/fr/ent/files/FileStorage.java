package fr.ent.files;

import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.ProblemException;
import fr.ent.web.problem.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files for every service: the bytes in the service's S3 bucket (key {@code <school>/<file id>}),
 * the metadata in its PostgreSQL ({@code ent_file}). The service checks who may do what; this class
 * does the rest:
 *
 * <pre>{@code
 * UploadOffer offer = files.offerUpload(POLICY, new UploadRequest(school, caller, name, size, type, sha256));
 * // the client PUTs the bytes to offer.url() with offer.headers(), then the service, in its transaction:
 * StoredFile file = files.confirm(POLICY, offer.fileId(), caller);   // 413, 415, 422, 404, 409
 * Download d = files.download(file.id());                              // short-lived, Content-Disposition: attachment
 * }</pre>
 *
 * <p>Guarantees: a file counts only once confirmed, and confirmed means its size is within the policy,
 * its type read from its content is one the policy accepts, and its SHA-256 is the one declared; a
 * refused upload is deleted (bytes and metadata). A pending upload not confirmed within
 * {@code ent.files.upload-expiry} is deleted by {@link UnconfirmedUploadSweep}. Pre-signed URLs name
 * and sign {@code ent.files.public-endpoint}, the address clients reach S3 at.
 */
@ApplicationScoped
public class FileStorage {

    private static final Logger LOG = Logger.getLogger(FileStorage.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern UNSAFE_NAME = Pattern.compile("[^\\p{L}\\p{N} ._()-]");

    private final S3Client s3;
    private final S3Presigner presigner;
    private final FileRepository files;
    private final SchoolClock clock;
    private final FilesConfig config;
    private volatile boolean bucketReady;

    FileStorage(S3Client s3, FileRepository files, SchoolClock clock, FilesConfig config) {
        this.s3 = s3;
        this.files = files;
        this.clock = clock;
        this.config = config;
        var client = s3.serviceClientConfiguration();
        // Its own presigner: URLs must name the address clients reach S3 at, which may differ from the
        // service's (signatures cover the Host header).
        this.presigner = S3Presigner.builder()
                .endpointOverride(config.publicEndpoint())
                .region(client.region())
                .credentialsProvider(client.credentialsProvider())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    @PreDestroy
    void close() {
        presigner.close();
    }

    // --- upload

    /**
     * A pre-signed upload for a file the caller may upload (the service checked it). Refuses before
     * anything is written: 413 larger than the policy allows, 415 a declared type the policy does not
     * accept, 400 a missing name, a size below 1 or a SHA-256 that is not 64 hex digits.
     */
    @Transactional
    public UploadOffer offerUpload(FilePolicy policy, UploadRequest request) {
        Objects.requireNonNull(request.schoolId(), "schoolId");
        if (request.size() < 1) {
            throw Problems.invalidField("size", "must be at least 1 byte");
        }
        if (request.sha256() == null || !SHA256.matcher(request.sha256()).matches()) {
            throw Problems.invalidField("sha256", "must be the SHA-256 of the file, 64 hexadecimal digits");
        }
        if (request.fileName() == null || request.fileName().isBlank()) {
            throw Problems.invalidField("fileName", "must not be blank");
        }
        if (request.size() > policy.maxBytes()) {
            throw tooLarge(policy);
        }
        FileType declared = FileType.ofMediaType(request.contentType())
                .filter(policy.types()::contains).orElseThrow(() -> wrongType(policy));
        ensureBucket();
        UUID id = UUID.randomUUID();
        String key = request.schoolId() + "/" + id;
        OffsetDateTime now = now();
        OffsetDateTime expiresAt = now.plus(config.uploadExpiry());
        files.insertPending(id, request, policy, key, cleanName(request.fileName(), declared), now, expiresAt);
        var signed = presigner.presignPutObject(p -> p.signatureDuration(config.uploadExpiry())
                .putObjectRequest(put -> put.bucket(config.bucket()).key(key)
                        .contentType(declared.mediaType()).contentLength(request.size())));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", declared.mediaType());
        return new UploadOffer(id, "PUT", signed.url().toString(), headers, expiresAt);
    }

    /**
     * Confirms an upload of {@code policy}'s purpose by {@code ownerId}: reads the bytes once from S3
     * and checks size, type by content and SHA-256. Idempotent: a confirmed file is returned as is.
     *
     * @throws ProblemException 404 unknown, expired, another owner's or another purpose's upload;
     *                          409 nothing uploaded yet; 413 too large; 415 a type the policy refuses;
     *                          422 content that is not what was declared (SHA-256, size). On 413, 415
     *                          and 422 the upload is deleted: ask for a new one.
     */
    @Transactional
    public StoredFile confirm(FilePolicy policy, UUID fileId, UUID ownerId) {
        FileRepository.Row row = files.find(fileId)
                .filter(r -> r.file().purpose().equals(policy.purpose()))
                .filter(r -> Objects.equals(r.file().ownerId(), ownerId))
                .orElseThrow(() -> unknownUpload(fileId));
        if (row.file().confirmed()) {
            return row.file();
        }
        if (row.expiresAt() != null && row.expiresAt().isBefore(now())) {
            throw unknownUpload(fileId);
        }
        ContentCheck.Result content;
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(g -> g.bucket(config.bucket()).key(row.objectKey()))) {
            content = ContentCheck.read(in, Math.min(policy.maxBytes(), row.maxBytes()));
        } catch (NoSuchKeyException notYet) {
            throw Problems.conflict("upload-missing", "Nothing was uploaded for file " + fileId
                    + " yet: PUT the bytes to the pre-signed URL, then confirm");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read file " + fileId + " from S3", e);
        }
        if (content.tooLarge()) {
            throw refuse(row, tooLarge(policy));
        }
        FileType type = content.type().filter(policy.types()::contains).orElse(null);
        if (type == null || !row.allowedTypes().contains(type.name())) {
            throw refuse(row, wrongType(policy));
        }
        if (!content.sha256().equalsIgnoreCase(row.declaredSha256()) || content.size() != row.declaredSize()) {
            throw refuse(row, new ProblemException(422, "checksum-mismatch", "Checksum mismatch",
                    "The uploaded content is not the one declared (SHA-256 or size differ): the upload was deleted, "
                            + "ask for a new one", null));
        }
        OffsetDateTime now = now();
        files.confirm(fileId, content.size(), type.mediaType(), content.sha256(), now);
        return files.find(fileId).orElseThrow().file();
    }

    /**
     * A file the service itself holds (one it generates, or moves from its database): checked like
     * an upload (size, type by content), written to S3 and recorded as confirmed at once.
     *
     * @throws ProblemException 413 or 415 as {@link #confirm}; nothing is written then
     */
    @Transactional
    public StoredFile store(FilePolicy policy, UUID schoolId, UUID ownerId, String fileName, byte[] content) {
        Objects.requireNonNull(schoolId, "schoolId");
        ContentCheck.Result checked;
        try {
            checked = ContentCheck.read(new java.io.ByteArrayInputStream(content), policy.maxBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (checked.tooLarge()) {
            throw tooLarge(policy);
        }
        FileType type = checked.type().filter(policy.types()::contains).orElseThrow(() -> wrongType(policy));
        ensureBucket();
        UUID id = UUID.randomUUID();
        String key = schoolId + "/" + id;
        OffsetDateTime now = now();
        files.insertPending(id, new UploadRequest(schoolId, ownerId, fileName, content.length, type.mediaType(), checked.sha256()),
                policy, key, cleanName(fileName == null ? "fichier" : fileName, type), now, now.plus(config.uploadExpiry()));
        putBytes(key, type.mediaType(), content);
        files.confirm(id, content.length, type.mediaType(), checked.sha256(), now);
        return files.find(id).orElseThrow().file();
    }

    /**
     * Writes the bytes once more when the first try met a kept-alive connection the S3 server had
     * closed: the JDK client learns it only while waiting for "100 Continue" and throws, and the SDK
     * does not retry that (seen on s3proxy generating a school's report cards). The bytes are in
     * memory and the key is new, so a second PUT is safe.
     */
    private void putBytes(String key, String mediaType, byte[] content) {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(p -> p.bucket(config.bucket()).key(key).contentType(mediaType).contentLength((long) content.length),
                        software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
                return;
            } catch (UncheckedIOException | software.amazon.awssdk.core.exception.SdkClientException e) {
                if (attempt == 2) throw e;
                LOG.infof("S3 PUT of %s failed on a reused connection (%s), sent again", key, e.getMessage());
            }
        }
    }

    // --- read, download, delete

    /** The file's metadata, pending or confirmed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredFile> find(UUID fileId) {
        return files.find(fileId).map(FileRepository.Row::file);
    }

    /**
     * A short-lived pre-signed download of a confirmed file ({@code ent.files.download-expiry}),
     * answered with {@code Content-Disposition: attachment} and the type read from its content.
     * The service checks first that the caller may read it. 404 for an unknown or unconfirmed file.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download download(UUID fileId) {
        FileRepository.Row row = files.find(fileId).filter(r -> r.file().confirmed())
                .orElseThrow(() -> Problems.notFound("No file " + fileId));
        StoredFile file = row.file();
        Duration validity = config.downloadExpiry();
        var signed = presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(get -> get.bucket(config.bucket()).key(row.objectKey())
                        .responseContentType(file.contentType())
                        .responseContentDisposition(contentDisposition(file.fileName()))));
        return new Download(signed.url().toString(), now().plus(validity), file.fileName(), file.contentType(), file.size());
    }

    /**
     * The bytes of a confirmed file, as a stream read from S3 (the caller closes it): for a service
     * that streams files itself, e.g. many hand-ins as one archive. The service checks first that the
     * caller may read it. 404 for an unknown or unconfirmed file.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.io.InputStream open(UUID fileId) {
        FileRepository.Row row = files.find(fileId).filter(r -> r.file().confirmed())
                .orElseThrow(() -> Problems.notFound("No file " + fileId));
        return s3.getObject(g -> g.bucket(config.bucket()).key(row.objectKey()));
    }

    /** Deletes the file, bytes and metadata (in the caller's transaction for the metadata). */
    @Transactional
    public void delete(UUID fileId) {
        files.find(fileId).ifPresent(row -> {
            files.delete(fileId);
            deleteObject(row.objectKey());
        });
    }

    /**
     * Deletes pending uploads past their expiry, at most {@code limit}; returns how many. Replicas
     * sweeping at once take different rows (skip locked).
     */
    @Transactional
    public int sweepUnconfirmed(int limit) {
        List<FileRepository.Row> expired = files.claimExpired(now(), limit);
        List<UUID> deleted = new ArrayList<>();
        for (FileRepository.Row row : expired) {
            deleteObject(row.objectKey());
            files.delete(row.file().id());
            deleted.add(row.file().id());
        }
        if (!deleted.isEmpty()) {
            LOG.infof("deleted %d unconfirmed upload(s) past their expiry", deleted.size());
        }
        return deleted.size();
    }

    /** The bucket, created when missing ({@code ent.files.create-bucket}). */
    public String bucket() {
        return config.bucket();
    }

    void ensureBucket() {
        if (bucketReady) {
            return;
        }
        synchronized (this) {
            if (bucketReady) {
                return;
            }
            try {
                s3.headBucket(h -> h.bucket(config.bucket()));
            } catch (NoSuchBucketException missing) {
                if (!config.createBucket()) {
                    throw new IllegalStateException("S3 bucket " + config.bucket() + " does not exist; create it or set "
                            + "ent.files.create-bucket=true");
                }
                try {
                    s3.createBucket(c -> c.bucket(config.bucket()));
                    LOG.infof("created S3 bucket %s", config.bucket());
                } catch (BucketAlreadyOwnedByYouException raced) {
                    // another replica created it first
                }
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                s3.createBucket(c -> c.bucket(config.bucket()));
            }
            bucketReady = true;
        }
    }

    // --- helpers

    private ProblemException refuse(FileRepository.Row row, ProblemException problem) {
        // The caller's transaction rolls back with the problem: the deletion is its own.
        QuarkusTransaction.requiringNew().run(() -> files.delete(row.file().id()));
        deleteObject(row.objectKey());
        return problem;
    }

    private void deleteObject(String key) {
        s3.deleteObject(d -> d.bucket(config.bucket()).key(key));
    }

    private OffsetDateTime now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException unknownUpload(UUID fileId) {
        return Problems.notFound("No pending upload " + fileId + " (unknown, expired or not yours)");
    }

    private static ProblemException tooLarge(FilePolicy policy) {
        return new ProblemException(413, "file-too-large", "File too large",
                "Le fichier dépasse la taille maximale autorisée (" + humanSize(policy.maxBytes()) + ").", null);
    }

    private static ProblemException wrongType(FilePolicy policy) {
        return new ProblemException(415, "file-type", "Unsupported file type",
                "Ce type de fichier n'est pas accepté (formats acceptés : " + policy.typeNames() + ").", null);
    }

    private static String humanSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " Mo";
        }
        if (bytes >= 1024) {
            return bytes / 1024 + " Ko";
        }
        return bytes + " octets";
    }

    /** Letters, digits, spaces and {@code ._()-} only, at most 100 characters, with the type's extension. */
    static String cleanName(String name, FileType type) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = UNSAFE_NAME.matcher(base.substring(slash + 1)).replaceAll("_").strip();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        if (base.isBlank() || base.chars().allMatch(c -> c == '.' || c == '_')) {
            base = "fichier";
        }
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        return base + "." + type.extension();
    }

    /** RFC 6266: an ASCII fallback and the UTF-8 name (RFC 5987). */
    static String contentDisposition(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7e]", "")
                .replace("\"", "").replace("\\", "");
        if (ascii.isBlank()) {
            ascii = "fichier";
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
