#ifndef KIEMKE_CNETSNMP_SHIM_H
#define KIEMKE_CNETSNMP_SHIM_H

/* net-snmp's headers use these types without including them: system headers first. */
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <string.h>
#include <stdlib.h>

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/large_fd_set.h>

/* Swift cannot import function-like or cast macros: expose the ones we use as constants. */
static const int kiemke_SNMP_MSG_GET = SNMP_MSG_GET;
static const int kiemke_SNMP_MSG_GETNEXT = SNMP_MSG_GETNEXT;
static const int kiemke_SNMP_MSG_GETBULK = SNMP_MSG_GETBULK;
static const int kiemke_SNMP_MSG_RESPONSE = SNMP_MSG_RESPONSE;
static const int kiemke_SNMP_MSG_REPORT = SNMP_MSG_REPORT;

static const int kiemke_OP_RECEIVED_MESSAGE = NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE;
static const int kiemke_OP_TIMED_OUT = NETSNMP_CALLBACK_OP_TIMED_OUT;
static const int kiemke_OP_SEND_FAILED = NETSNMP_CALLBACK_OP_SEND_FAILED;
static const int kiemke_OP_CONNECT = NETSNMP_CALLBACK_OP_CONNECT;
static const int kiemke_OP_DISCONNECT = NETSNMP_CALLBACK_OP_DISCONNECT;
static const int kiemke_OP_RESEND = NETSNMP_CALLBACK_OP_RESEND;
static const int kiemke_OP_SEC_ERROR = NETSNMP_CALLBACK_OP_SEC_ERROR;

static const int kiemke_SNMP_VERSION_1 = SNMP_VERSION_1;
static const int kiemke_SNMP_VERSION_2c = SNMP_VERSION_2c;
static const int kiemke_SNMP_VERSION_3 = SNMP_VERSION_3;

static const int kiemke_ASN_INTEGER = ASN_INTEGER;
static const int kiemke_ASN_OCTET_STR = ASN_OCTET_STR;
static const int kiemke_ASN_NULL = ASN_NULL;
static const int kiemke_ASN_OBJECT_ID = ASN_OBJECT_ID;
static const int kiemke_ASN_IPADDRESS = ASN_IPADDRESS;
static const int kiemke_ASN_COUNTER = ASN_COUNTER;
static const int kiemke_ASN_GAUGE = ASN_GAUGE;
static const int kiemke_ASN_TIMETICKS = ASN_TIMETICKS;
static const int kiemke_ASN_OPAQUE = ASN_OPAQUE;
static const int kiemke_ASN_COUNTER64 = ASN_COUNTER64;
static const int kiemke_SNMP_NOSUCHOBJECT = SNMP_NOSUCHOBJECT;
static const int kiemke_SNMP_NOSUCHINSTANCE = SNMP_NOSUCHINSTANCE;
static const int kiemke_SNMP_ENDOFMIBVIEW = SNMP_ENDOFMIBVIEW;

static const int kiemke_SNMP_SEC_LEVEL_NOAUTH = SNMP_SEC_LEVEL_NOAUTH;
static const int kiemke_SNMP_SEC_LEVEL_AUTHNOPRIV = SNMP_SEC_LEVEL_AUTHNOPRIV;
static const int kiemke_SNMP_SEC_LEVEL_AUTHPRIV = SNMP_SEC_LEVEL_AUTHPRIV;

static const long kiemke_SNMP_FLAGS_DONT_PROBE = SNMP_FLAGS_DONT_PROBE;

/* Error codes the engine maps to its own error enum. */
static const int kiemke_SNMPERR_TIMEOUT = SNMPERR_TIMEOUT;
static const int kiemke_SNMPERR_AUTHENTICATION_FAILURE = SNMPERR_AUTHENTICATION_FAILURE;
static const int kiemke_SNMPERR_UNKNOWN_USER_NAME = SNMPERR_UNKNOWN_USER_NAME;
static const int kiemke_SNMPERR_UNKNOWN_ENG_ID = SNMPERR_UNKNOWN_ENG_ID;
static const int kiemke_SNMPERR_UNSUPPORTED_SEC_LEVEL = SNMPERR_UNSUPPORTED_SEC_LEVEL;
static const int kiemke_SNMPERR_DECRYPTION_ERR = SNMPERR_DECRYPTION_ERR;
static const int kiemke_SNMPERR_NOT_IN_TIME_WINDOW = SNMPERR_NOT_IN_TIME_WINDOW;
static const int kiemke_SNMPERR_UNKNOWN_REPORT = SNMPERR_UNKNOWN_REPORT;
static const int kiemke_SNMPERR_USM_AUTHENTICATIONFAILURE = SNMPERR_USM_AUTHENTICATIONFAILURE;
static const int kiemke_SNMPERR_USM_UNKNOWNSECURITYNAME = SNMPERR_USM_UNKNOWNSECURITYNAME;
static const int kiemke_SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL = SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL;
static const int kiemke_SNMPERR_USM_DECRYPTIONERROR = SNMPERR_USM_DECRYPTIONERROR;
static const int kiemke_SNMPERR_USM_UNKNOWNENGINEID = SNMPERR_USM_UNKNOWNENGINEID;
static const int kiemke_SNMPERR_USM_NOTINTIMEWINDOW = SNMPERR_USM_NOTINTIMEWINDOW;

/* The USM protocols a settings value can name. Numbers are ours, stable for Swift. */
enum { KIEMKE_AUTH_MD5 = 1, KIEMKE_AUTH_SHA1 = 2, KIEMKE_AUTH_SHA256 = 3, KIEMKE_AUTH_SHA512 = 4 };
enum { KIEMKE_PRIV_DES = 1, KIEMKE_PRIV_AES128 = 2, KIEMKE_PRIV_AES256 = 3 };

/* Start the library once: no MIB files (Debian ships none), no config or persistent files read or
 * written (a probe must not leave /var/lib/snmp state behind), and log only what the caller asks. */
static inline void kiemke_init_library(const char *appName) {
    setenv("MIBS", "", 1);
    setenv("MIBDIRS", "", 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_LOAD_HOST_FILES, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_PERSIST_STATE, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_QUICK_PRINT, 1);
    /* Without a registered log handler net-snmp writes warnings to stderr; drop them. */
    netsnmp_register_loghandler(NETSNMP_LOGHANDLER_NONE, LOG_EMERG);
    init_snmp(appName);
}

static inline const oid *kiemke_auth_oid(int proto, u_int *len) {
    switch (proto) {
    case KIEMKE_AUTH_MD5: *len = USM_AUTH_PROTO_MD5_LEN; return usmHMACMD5AuthProtocol;
    case KIEMKE_AUTH_SHA1: *len = USM_AUTH_PROTO_SHA_LEN; return usmHMACSHA1AuthProtocol;
    case KIEMKE_AUTH_SHA256: *len = OID_LENGTH(usmHMAC192SHA256AuthProtocol); return usmHMAC192SHA256AuthProtocol;
    case KIEMKE_AUTH_SHA512: *len = OID_LENGTH(usmHMAC384SHA512AuthProtocol); return usmHMAC384SHA512AuthProtocol;
    default: *len = 0; return NULL;
    }
}

static inline const oid *kiemke_priv_oid(int proto, u_int *len) {
    switch (proto) {
#ifndef NETSNMP_DISABLE_DES
    case KIEMKE_PRIV_DES: *len = USM_PRIV_PROTO_DES_LEN; return usmDESPrivProtocol;
#endif
    case KIEMKE_PRIV_AES128: *len = USM_PRIV_PROTO_AES_LEN; return usmAESPrivProtocol;
#ifdef NETSNMP_DRAFT_BLUMENTHAL_AES_04
    case KIEMKE_PRIV_AES256: *len = OID_LENGTH(usmAES256PrivProtocol); return usmAES256PrivProtocol;
#endif
    default: *len = 0; return NULL;
    }
}

/* Derive a key from a passphrase with the auth protocol's hash (RFC 3414 password-to-key). */
static inline int kiemke_derive_key(netsnmp_session *s, const char *pass, u_char *key, size_t *keyLen) {
    return generate_Ku(s->securityAuthProto, s->securityAuthProtoLen, (const u_char *)pass, strlen(pass),
                       key, keyLen) == SNMPERR_SUCCESS ? 0 : 3;
}

/* Fill a session's USM fields from passphrases, as the snmpcmd tools do (-a/-A/-x/-X).
 * Returns 0, or 1 for an unsupported auth protocol, 2 for an unsupported priv protocol,
 * 3 when a key cannot be derived (passphrase shorter than 8 characters). */
static inline int kiemke_session_set_usm(netsnmp_session *s, int level,
                                         int authProto, const char *authPass,
                                         int privProto, const char *privPass) {
    s->securityLevel = level;
    if (level == SNMP_SEC_LEVEL_NOAUTH) return 0;
    u_int alen = 0;
    const oid *a = kiemke_auth_oid(authProto, &alen);
    if (a == NULL) return 1;
    /* Point at the library's static OIDs, as snmpcmd does: snmp_sess_open copies them. */
    s->securityAuthProto = (oid *)a;
    s->securityAuthProtoLen = alen;
    s->securityAuthKeyLen = USM_AUTH_KU_LEN;
    if (kiemke_derive_key(s, authPass, s->securityAuthKey, &s->securityAuthKeyLen) != 0) return 3;
    if (level != SNMP_SEC_LEVEL_AUTHPRIV) return 0;
    u_int plen = 0;
    const oid *p = kiemke_priv_oid(privProto, &plen);
    if (p == NULL) return 2;
    s->securityPrivProto = (oid *)p;
    s->securityPrivProtoLen = plen;
    s->securityPrivKeyLen = USM_PRIV_KU_LEN;
    /* The privacy key is also derived with the authentication hash, as snmpcmd does. */
    if (kiemke_derive_key(s, privPass, s->securityPrivKey, &s->securityPrivKeyLen) != 0) return 3;
    return 0;
}

/* Drop a USM user cached for this engine and name before a session re-creates it from passphrases:
 * otherwise keys localized from an earlier (maybe wrong) passphrase would be reused. */
static inline void kiemke_forget_usm_user(const u_char *engineID, size_t len, const char *name) {
    struct usmUser *old = usm_get_user(engineID, len, (char *)name);
    if (old != NULL) {
        usm_remove_user(old);
        usm_free_user(old);
    }
}

/* The probe RFC 3414 section 4 describes: an empty, unauthenticated, reportable GET. */
static inline netsnmp_pdu *kiemke_engine_probe_pdu(void) {
    netsnmp_pdu *pdu = snmp_pdu_create(SNMP_MSG_GET);
    if (pdu == NULL) return NULL;
    pdu->version = SNMP_VERSION_3;
    pdu->securityName = strdup("");
    pdu->securityNameLen = 0;
    pdu->securityLevel = SNMP_SEC_LEVEL_NOAUTH;
    pdu->securityModel = SNMP_SEC_MODEL_USM;
    return pdu;
}

#endif
