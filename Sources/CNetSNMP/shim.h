#ifndef KIEMKE_CNETSNMP_SHIM_H
#define KIEMKE_CNETSNMP_SHIM_H

/* net-snmp's headers use these types without including them: system headers first. */
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

/* Swift cannot import function-like or cast macros: expose the ones we use as constants. */
static const int kiemke_SNMP_MSG_GET = SNMP_MSG_GET;
static const int kiemke_SNMP_MSG_GETNEXT = SNMP_MSG_GETNEXT;
static const int kiemke_SNMP_MSG_GETBULK = SNMP_MSG_GETBULK;
static const int kiemke_SNMP_MSG_RESPONSE = SNMP_MSG_RESPONSE;

#endif
