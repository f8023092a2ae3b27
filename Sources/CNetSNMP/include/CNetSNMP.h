#ifndef CNETSNMP_H
#define CNETSNMP_H

/* net-snmp's C library (Debian: libsnmp-dev, headers in /usr/include/net-snmp) as kiemke uses it:
 * net-snmp's own declarations, plus CNetSNMP_ functions and constants for what Swift cannot import
 * (macros) or should not do by hand (USM key setup). The logic lives in shim.c.
 *
 * Rules kept here: MIB loading off; only the single-session API (snmp_sess_*, async form); never the
 * global snmp_errno (errors come from snmp_sess_error/snmp_error). */

/* net-snmp's headers use these types without including them: system headers first. */
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <stddef.h>
#include <netinet/in.h>

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/large_fd_set.h>

#if __has_attribute(enum_extensibility)
#define CNETSNMP_CLOSED_ENUM __attribute__((enum_extensibility(closed)))
#else
#define CNETSNMP_CLOSED_ENUM
#endif

/* Swift cannot import function-like or cast macros: the ones kiemke uses, as constants. */
extern const int CNetSNMP_SNMP_MSG_GET;
extern const int CNetSNMP_SNMP_MSG_GETNEXT;
extern const int CNetSNMP_SNMP_MSG_GETBULK;
extern const int CNetSNMP_SNMP_MSG_RESPONSE;
extern const int CNetSNMP_SNMP_MSG_REPORT;

extern const int CNetSNMP_OP_RECEIVED_MESSAGE;
extern const int CNetSNMP_OP_TIMED_OUT;
extern const int CNetSNMP_OP_SEND_FAILED;
extern const int CNetSNMP_OP_CONNECT;
extern const int CNetSNMP_OP_DISCONNECT;
extern const int CNetSNMP_OP_RESEND;
extern const int CNetSNMP_OP_SEC_ERROR;

extern const long CNetSNMP_SNMP_VERSION_1;
extern const long CNetSNMP_SNMP_VERSION_2c;
extern const long CNetSNMP_SNMP_VERSION_3;

extern const int CNetSNMP_ASN_INTEGER;
extern const int CNetSNMP_ASN_OCTET_STR;
extern const int CNetSNMP_ASN_NULL;
extern const int CNetSNMP_ASN_OBJECT_ID;
extern const int CNetSNMP_ASN_IPADDRESS;
extern const int CNetSNMP_ASN_COUNTER;
extern const int CNetSNMP_ASN_GAUGE;
extern const int CNetSNMP_ASN_TIMETICKS;
extern const int CNetSNMP_ASN_OPAQUE;
extern const int CNetSNMP_ASN_COUNTER64;
extern const int CNetSNMP_SNMP_NOSUCHOBJECT;
extern const int CNetSNMP_SNMP_NOSUCHINSTANCE;
extern const int CNetSNMP_SNMP_ENDOFMIBVIEW;

extern const unsigned long CNetSNMP_SNMP_FLAGS_DONT_PROBE;

/* Error codes the engine maps to its own error enum. */
extern const int CNetSNMP_SNMPERR_TIMEOUT;
extern const int CNetSNMP_SNMPERR_AUTHENTICATION_FAILURE;
extern const int CNetSNMP_SNMPERR_UNKNOWN_USER_NAME;
extern const int CNetSNMP_SNMPERR_UNKNOWN_ENG_ID;
extern const int CNetSNMP_SNMPERR_UNSUPPORTED_SEC_LEVEL;
extern const int CNetSNMP_SNMPERR_DECRYPTION_ERR;
extern const int CNetSNMP_SNMPERR_NOT_IN_TIME_WINDOW;
extern const int CNetSNMP_SNMPERR_UNKNOWN_REPORT;
extern const int CNetSNMP_SNMPERR_USM_AUTHENTICATIONFAILURE;
extern const int CNetSNMP_SNMPERR_USM_UNKNOWNSECURITYNAME;
extern const int CNetSNMP_SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL;
extern const int CNetSNMP_SNMPERR_USM_DECRYPTIONERROR;
extern const int CNetSNMP_SNMPERR_USM_UNKNOWNENGINEID;
extern const int CNetSNMP_SNMPERR_USM_NOTINTIMEWINDOW;

/* SNMPv3 security levels (RFC 3414), with net-snmp's values. */
typedef enum CNETSNMP_CLOSED_ENUM CNetSNMP_SecurityLevel {
    CNetSNMP_SecurityLevel_noAuthNoPriv = SNMP_SEC_LEVEL_NOAUTH,
    CNetSNMP_SecurityLevel_authNoPriv = SNMP_SEC_LEVEL_AUTHNOPRIV,
    CNetSNMP_SecurityLevel_authPriv = SNMP_SEC_LEVEL_AUTHPRIV,
} CNetSNMP_SecurityLevel;

/* The USM authentication protocols a settings value can name. */
typedef enum CNETSNMP_CLOSED_ENUM CNetSNMP_AuthProtocol {
    CNetSNMP_AuthProtocol_md5 = 1,
    CNetSNMP_AuthProtocol_sha1,
    CNetSNMP_AuthProtocol_sha256,
    CNetSNMP_AuthProtocol_sha512,
} CNetSNMP_AuthProtocol;

/* The USM privacy protocols a settings value can name. */
typedef enum CNETSNMP_CLOSED_ENUM CNetSNMP_PrivProtocol {
    CNetSNMP_PrivProtocol_des = 1,
    CNetSNMP_PrivProtocol_aes128,
    CNetSNMP_PrivProtocol_aes256,
} CNetSNMP_PrivProtocol;

/* What CNetSNMP_session_set_usm did. */
typedef enum CNETSNMP_CLOSED_ENUM CNetSNMP_USMStatus {
    /* The session's USM fields are set. */
    CNetSNMP_USMStatus_ok = 0,
    /* This net-snmp does not know the authentication protocol. */
    CNetSNMP_USMStatus_unsupportedAuthProtocol,
    /* This net-snmp does not know the privacy protocol (DES disabled, no AES-256). */
    CNetSNMP_USMStatus_unsupportedPrivProtocol,
    /* A key could not be derived from a passphrase (shorter than 8 characters). */
    CNetSNMP_USMStatus_keyDerivationFailed,
} CNetSNMP_USMStatus;

/* The type kiemke gives a received variable whose integer was encoded wider than its SNMP type allows
 * (an INTEGER beyond 32 bits): net-snmp keeps only the low 32 bits of such a value, a number the device
 * never sent, so the parse hook relabels it. 0 is no ASN.1 type net-snmp's parser ever produces. */
extern const int CNetSNMP_TYPE_TOO_WIDE;

/* What net-snmp calls to parse each received message of a session opened by CNetSNMP_sess_open. It must
 * call snmp_parse itself (with the session list pointer kept in the session's `myvoid`) and return its
 * result. */
typedef int (*CNetSNMP_ParseHook)(netsnmp_session *session, netsnmp_pdu *pdu, u_char *packet, size_t length);

/* Opens a single UDP session as snmp_sess_open does, with `parse` as the session's parse hook (so the
 * raw message can be checked). On failure returns NULL, with the reason in `session` for snmp_error. */
void *CNetSNMP_sess_open(netsnmp_session *session, CNetSNMP_ParseHook parse);

/* 1 when `pdu` came from the address and port the session sends to, 0 otherwise (another host or port
 * answering in the device's place, or no source known). UDP over IPv4 and IPv6. */
int CNetSNMP_pdu_is_from_peer(void *sessionHandle, const netsnmp_pdu *pdu);

/* Starts the library once: no MIB files (Debian ships none), no config or persistent files read or
 * written (a probe must not leave /var/lib/snmp state behind), and no log output. */
void CNetSNMP_init_library(const char *appName);

/* Fills a session's USM fields from passphrases, as the snmpcmd tools do (-l/-a/-A/-x/-X). */
CNetSNMP_USMStatus CNetSNMP_session_set_usm(netsnmp_session *session, CNetSNMP_SecurityLevel level,
                                            CNetSNMP_AuthProtocol authProtocol, const char *authPassphrase,
                                            CNetSNMP_PrivProtocol privProtocol, const char *privPassphrase);

/* Drops a USM user cached for this engine ID and name, so a session re-creates it from passphrases. */
void CNetSNMP_forget_usm_user(const u_char *engineID, size_t engineIDLength, const char *userName);

/* The engine-ID discovery probe of RFC 3414 section 4: an empty, unauthenticated, reportable GET.
 * NULL when it cannot be allocated; the caller owns it until snmp_sess_async_send accepts it. */
netsnmp_pdu *CNetSNMP_engine_probe_pdu(void);

#endif
