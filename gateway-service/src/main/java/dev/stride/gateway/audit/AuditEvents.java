package dev.stride.gateway.audit;

/** Names of audit events (OWASP logging vocabulary where it has one). */
public final class AuditEvents {

    public static final String LOGIN = "authn_login";
    public static final String LOGIN_LOCKED = "authn_login_lock";
    public static final String LOGIN_THROTTLED_IP = "authn_login_throttle_ip";
    public static final String TOKEN_REUSE = "authn_token_reuse";
    public static final String PASSWORD_CHANGE = "authn_password_change";
    public static final String PASSWORD_RESET_REQUEST = "authn_password_reset_request";
    public static final String PASSWORD_RESET = "authn_password_reset";
    public static final String EMAIL_VERIFY = "authn_email_verify";
    public static final String EMAIL_CHANGE_REQUEST = "authn_email_change_request";
    public static final String EMAIL_CHANGE = "authn_email_change";
    public static final String MFA_ENROL = "authn_mfa_enrol";
    public static final String MFA_RECOVERY_CODE_USED = "authn_mfa_recovery_code";
    public static final String SESSION_REVOKE = "session_revoke";
    public static final String ACCOUNT_DELETE = "user_delete";
    public static final String DATA_EXPORT = "user_data_export";
    public static final String ADMIN_BOOTSTRAP = "authz_admin_bootstrap";
    public static final String ADMIN_LIST_USERS = "authz_admin_list_users";
    public static final String ADMIN_LOCK = "authz_admin_lock";
    public static final String ADMIN_UNLOCK = "authz_admin_unlock";
    public static final String ADMIN_ROLES = "authz_admin_roles";
    public static final String ADMIN_REVOKE_SESSIONS = "authz_admin_revoke_sessions";
    public static final String ADMIN_DENIED = "authz_admin_denied";

    private AuditEvents() {
    }
}
