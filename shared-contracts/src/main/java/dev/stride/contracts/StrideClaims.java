package dev.stride.contracts;

/** JWT claim names and values shared by the issuer (gateway) and every resource server. */
public final class StrideClaims {

    /** Issuer of every Stride token unless configured otherwise. */
    public static final String DEFAULT_ISSUER = "https://stride.local";
    /** Audience of user access tokens: the public API behind the gateway. */
    public static final String API_AUDIENCE = "stride-api";
    /** JOSE header {@code typ} of access tokens (RFC 9068). */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    public static final String ROLES = "roles";
    public static final String SCOPE = "scope";
    /** Distinguishes user tokens from service (client-credentials) tokens. */
    public static final String TOKEN_KIND = "kind";
    public static final String KIND_USER = "user";
    public static final String KIND_SERVICE = "service";
    public static final String CLIENT_ID = "client_id";

    public static final String SCOPE_INTERNAL = "internal";

    public static final String ROLE_USER = "USER";
    public static final String ROLE_COACH = "COACH";
    public static final String ROLE_ADMIN = "ADMIN";

    private StrideClaims() {
    }
}
