#include "CNetSNMP.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const int CNetSNMP_SNMP_MSG_GET = SNMP_MSG_GET;
const int CNetSNMP_SNMP_MSG_GETNEXT = SNMP_MSG_GETNEXT;
const int CNetSNMP_SNMP_MSG_GETBULK = SNMP_MSG_GETBULK;
const int CNetSNMP_SNMP_MSG_RESPONSE = SNMP_MSG_RESPONSE;
const int CNetSNMP_SNMP_MSG_REPORT = SNMP_MSG_REPORT;

const int CNetSNMP_OP_RECEIVED_MESSAGE = NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE;
const int CNetSNMP_OP_TIMED_OUT = NETSNMP_CALLBACK_OP_TIMED_OUT;
const int CNetSNMP_OP_SEND_FAILED = NETSNMP_CALLBACK_OP_SEND_FAILED;
const int CNetSNMP_OP_CONNECT = NETSNMP_CALLBACK_OP_CONNECT;
const int CNetSNMP_OP_DISCONNECT = NETSNMP_CALLBACK_OP_DISCONNECT;
const int CNetSNMP_OP_RESEND = NETSNMP_CALLBACK_OP_RESEND;
const int CNetSNMP_OP_SEC_ERROR = NETSNMP_CALLBACK_OP_SEC_ERROR;

const long CNetSNMP_SNMP_VERSION_1 = SNMP_VERSION_1;
const long CNetSNMP_SNMP_VERSION_2c = SNMP_VERSION_2c;
const long CNetSNMP_SNMP_VERSION_3 = SNMP_VERSION_3;

const int CNetSNMP_ASN_INTEGER = ASN_INTEGER;
const int CNetSNMP_ASN_OCTET_STR = ASN_OCTET_STR;
const int CNetSNMP_ASN_NULL = ASN_NULL;
const int CNetSNMP_ASN_OBJECT_ID = ASN_OBJECT_ID;
const int CNetSNMP_ASN_IPADDRESS = ASN_IPADDRESS;
const int CNetSNMP_ASN_COUNTER = ASN_COUNTER;
const int CNetSNMP_ASN_GAUGE = ASN_GAUGE;
const int CNetSNMP_ASN_TIMETICKS = ASN_TIMETICKS;
const int CNetSNMP_ASN_OPAQUE = ASN_OPAQUE;
const int CNetSNMP_ASN_COUNTER64 = ASN_COUNTER64;
const int CNetSNMP_SNMP_NOSUCHOBJECT = SNMP_NOSUCHOBJECT;
const int CNetSNMP_SNMP_NOSUCHINSTANCE = SNMP_NOSUCHINSTANCE;
const int CNetSNMP_SNMP_ENDOFMIBVIEW = SNMP_ENDOFMIBVIEW;

const int CNetSNMP_TYPE_TOO_WIDE = 0;

const unsigned long CNetSNMP_SNMP_FLAGS_DONT_PROBE = SNMP_FLAGS_DONT_PROBE;

const int CNetSNMP_SNMPERR_TIMEOUT = SNMPERR_TIMEOUT;
const int CNetSNMP_SNMPERR_AUTHENTICATION_FAILURE = SNMPERR_AUTHENTICATION_FAILURE;
const int CNetSNMP_SNMPERR_UNKNOWN_USER_NAME = SNMPERR_UNKNOWN_USER_NAME;
const int CNetSNMP_SNMPERR_UNKNOWN_ENG_ID = SNMPERR_UNKNOWN_ENG_ID;
const int CNetSNMP_SNMPERR_UNSUPPORTED_SEC_LEVEL = SNMPERR_UNSUPPORTED_SEC_LEVEL;
const int CNetSNMP_SNMPERR_DECRYPTION_ERR = SNMPERR_DECRYPTION_ERR;
const int CNetSNMP_SNMPERR_NOT_IN_TIME_WINDOW = SNMPERR_NOT_IN_TIME_WINDOW;
const int CNetSNMP_SNMPERR_UNKNOWN_REPORT = SNMPERR_UNKNOWN_REPORT;
const int CNetSNMP_SNMPERR_USM_AUTHENTICATIONFAILURE = SNMPERR_USM_AUTHENTICATIONFAILURE;
const int CNetSNMP_SNMPERR_USM_UNKNOWNSECURITYNAME = SNMPERR_USM_UNKNOWNSECURITYNAME;
const int CNetSNMP_SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL = SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL;
const int CNetSNMP_SNMPERR_USM_DECRYPTIONERROR = SNMPERR_USM_DECRYPTIONERROR;
const int CNetSNMP_SNMPERR_USM_UNKNOWNENGINEID = SNMPERR_USM_UNKNOWNENGINEID;
const int CNetSNMP_SNMPERR_USM_NOTINTIMEWINDOW = SNMPERR_USM_NOTINTIMEWINDOW;

void CNetSNMP_init_library(const char *appName) {
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

/* The library's static OID for an authentication protocol, or NULL when this build lacks it. */
static const oid *auth_oid(CNetSNMP_AuthProtocol protocol, u_int *length) {
    switch (protocol) {
    case CNetSNMP_AuthProtocol_md5:
        *length = USM_AUTH_PROTO_MD5_LEN;
        return usmHMACMD5AuthProtocol;
    case CNetSNMP_AuthProtocol_sha1:
        *length = USM_AUTH_PROTO_SHA_LEN;
        return usmHMACSHA1AuthProtocol;
    case CNetSNMP_AuthProtocol_sha256:
        *length = OID_LENGTH(usmHMAC192SHA256AuthProtocol);
        return usmHMAC192SHA256AuthProtocol;
    case CNetSNMP_AuthProtocol_sha512:
        *length = OID_LENGTH(usmHMAC384SHA512AuthProtocol);
        return usmHMAC384SHA512AuthProtocol;
    }
    *length = 0;
    return NULL;
}

/* The library's static OID for a privacy protocol, or NULL when this build lacks it. */
static const oid *priv_oid(CNetSNMP_PrivProtocol protocol, u_int *length) {
    switch (protocol) {
    case CNetSNMP_PrivProtocol_des:
#ifndef NETSNMP_DISABLE_DES
        *length = USM_PRIV_PROTO_DES_LEN;
        return usmDESPrivProtocol;
#else
        break;
#endif
    case CNetSNMP_PrivProtocol_aes128:
        *length = USM_PRIV_PROTO_AES_LEN;
        return usmAESPrivProtocol;
    case CNetSNMP_PrivProtocol_aes256:
#ifdef NETSNMP_DRAFT_BLUMENTHAL_AES_04
        *length = OID_LENGTH(usmAES256PrivProtocol);
        return usmAES256PrivProtocol;
#else
        break;
#endif
    }
    *length = 0;
    return NULL;
}

/* Derives a key from a passphrase with the session's auth protocol hash (RFC 3414 password-to-key). */
static int derive_key(const netsnmp_session *session, const char *passphrase, u_char *key, size_t *keyLength) {
    return generate_Ku(session->securityAuthProto, session->securityAuthProtoLen, (const u_char *)passphrase,
                       strlen(passphrase), key, keyLength) == SNMPERR_SUCCESS;
}

CNetSNMP_USMStatus CNetSNMP_session_set_usm(netsnmp_session *session, CNetSNMP_SecurityLevel level,
                                            CNetSNMP_AuthProtocol authProtocol, const char *authPassphrase,
                                            CNetSNMP_PrivProtocol privProtocol, const char *privPassphrase) {
    session->securityLevel = (int)level;
    if (level == CNetSNMP_SecurityLevel_noAuthNoPriv) return CNetSNMP_USMStatus_ok;
    u_int authLength = 0;
    const oid *auth = auth_oid(authProtocol, &authLength);
    if (auth == NULL) return CNetSNMP_USMStatus_unsupportedAuthProtocol;
    /* Point at the library's static OIDs, as snmpcmd does: snmp_sess_open copies them. */
    session->securityAuthProto = (oid *)auth;
    session->securityAuthProtoLen = authLength;
    session->securityAuthKeyLen = USM_AUTH_KU_LEN;
    if (!derive_key(session, authPassphrase, session->securityAuthKey, &session->securityAuthKeyLen)) {
        return CNetSNMP_USMStatus_keyDerivationFailed;
    }
    if (level != CNetSNMP_SecurityLevel_authPriv) return CNetSNMP_USMStatus_ok;
    u_int privLength = 0;
    const oid *priv = priv_oid(privProtocol, &privLength);
    if (priv == NULL) return CNetSNMP_USMStatus_unsupportedPrivProtocol;
    session->securityPrivProto = (oid *)priv;
    session->securityPrivProtoLen = privLength;
    session->securityPrivKeyLen = USM_PRIV_KU_LEN;
    /* The privacy key is also derived with the authentication hash, as snmpcmd does. */
    if (!derive_key(session, privPassphrase, session->securityPrivKey, &session->securityPrivKeyLen)) {
        return CNetSNMP_USMStatus_keyDerivationFailed;
    }
    return CNetSNMP_USMStatus_ok;
}

/* Without this, keys localized from an earlier (maybe wrong) passphrase would be reused. */
void CNetSNMP_forget_usm_user(const u_char *engineID, size_t engineIDLength, const char *userName) {
    struct usmUser *old = usm_get_user(engineID, engineIDLength, userName);
    if (old != NULL) {
        usm_remove_user(old);
        usm_free_user(old);
    }
}

netsnmp_pdu *CNetSNMP_engine_probe_pdu(void) {
    netsnmp_pdu *pdu = snmp_pdu_create(SNMP_MSG_GET);
    if (pdu == NULL) return NULL;
    pdu->version = SNMP_VERSION_3;
    pdu->securityName = strdup("");
    pdu->securityNameLen = 0;
    pdu->securityLevel = SNMP_SEC_LEVEL_NOAUTH;
    pdu->securityModel = SNMP_SEC_MODEL_USM;
    return pdu;
}

void *CNetSNMP_sess_open(netsnmp_session *session, CNetSNMP_ParseHook parse) {
    /* As snmp_sess_open (_sess_open in snmp_api.c) does for UDP, but through snmp_sess_add_ex, the one
     * entry point that takes a parse hook. kiemke sets no local name, broadcast or stream flag. */
    session->s_snmp_errno = 0;
    session->s_errno = 0;
    netsnmp_transport *transport =
        netsnmp_tdomain_transport_full("snmp", session->peername, session->local_port, "udp,udp6", NULL);
    if (transport == NULL) {
        session->s_snmp_errno = SNMPERR_BAD_ADDRESS;
        session->s_errno = errno;
        snmp_set_detail(session->peername);
        return NULL;
    }
    void *handle = snmp_sess_add_ex(session, transport, NULL, parse, NULL, NULL, NULL, NULL, NULL);
    if (handle == NULL) {
        if (session->s_snmp_errno == 0) session->s_snmp_errno = SNMPERR_GENERR;
        return NULL;
    }
    /* The hook is given the session, not the list entry snmp_parse wants: keep it where the hook finds it. */
    netsnmp_session *opened = snmp_sess_session(handle);
    if (opened != NULL) opened->myvoid = handle;
    return handle;
}

int CNetSNMP_pdu_is_from_peer(void *sessionHandle, const netsnmp_pdu *pdu) {
    if (sessionHandle == NULL || pdu == NULL || pdu->transport_data == NULL) return 0;
    netsnmp_transport *transport = snmp_sess_transport(sessionHandle);
    /* A UDP client transport keeps the peer it sends to in its data (snmpUDPIPv4BaseDomain.c,
     * snmpUDPIPv6Domain.c); a received PDU's transport data starts with the sender's sockaddr
     * (an indexed address pair for IPv4, a sockaddr_in6 for IPv6). */
    if (transport == NULL || transport->data == NULL ||
        transport->data_length < (int)sizeof(netsnmp_indexed_addr_pair)) {
        return 0;
    }
    const netsnmp_indexed_addr_pair *pair = (const netsnmp_indexed_addr_pair *)transport->data;
    size_t have = pdu->transport_data_length > 0 ? (size_t)pdu->transport_data_length : 0;
    if (have < sizeof(struct sockaddr)) return 0;
    struct sockaddr_storage from;
    memset(&from, 0, sizeof(from));
    memcpy(&from, pdu->transport_data, have < sizeof(from) ? have : sizeof(from));
    if (pair->remote_addr.sa.sa_family == AF_INET) {
        if (have < sizeof(struct sockaddr_in) || from.ss_family != AF_INET) return 0;
        const struct sockaddr_in *source = (const struct sockaddr_in *)&from;
        return source->sin_port == pair->remote_addr.sin.sin_port &&
               source->sin_addr.s_addr == pair->remote_addr.sin.sin_addr.s_addr;
    }
#ifdef NETSNMP_ENABLE_IPV6
    if (pair->remote_addr.sa.sa_family == AF_INET6) {
        if (have < sizeof(struct sockaddr_in6) || from.ss_family != AF_INET6) return 0;
        const struct sockaddr_in6 *source = (const struct sockaddr_in6 *)&from;
        return source->sin6_port == pair->remote_addr.sin6.sin6_port &&
               memcmp(&source->sin6_addr, &pair->remote_addr.sin6.sin6_addr, sizeof(struct in6_addr)) == 0;
    }
#endif
    return 0;
}
