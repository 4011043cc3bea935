package fr.ent.files;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** {@code ent.files.*}: the service's bucket and how long pre-signed URLs and pending uploads live. */
@ConfigMapping(prefix = "ent.files")
public interface FilesConfig {

    /** The service's bucket (default {@code ent-<application name>}, env {@code ENT_S3_BUCKET}). */
    String bucket();

    /**
     * Where clients reach S3, the host pre-signed URLs name and sign (env {@code S3_PUBLIC_ENDPOINT},
     * default the endpoint the service uses).
     */
    URI publicEndpoint();

    /** How long a pre-signed upload may be used, and a pending upload kept before it is swept. */
    @WithDefault("PT15M")
    Duration uploadExpiry();

    /** How long a pre-signed download may be used. Short: the URL is the authorization. */
    @WithDefault("PT5M")
    Duration downloadExpiry();

    /** How often unconfirmed uploads past their expiry are deleted (bytes and metadata). */
    @WithDefault("5m")
    String sweepEvery();

    /** Create the bucket at first use when it does not exist (off when ops provision buckets). */
    @WithDefault("true")
    boolean createBucket();
}
