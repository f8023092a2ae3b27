# Helpers shared by bench/run and its workloads (sourced, not run).
# Results go to $OUT/results.tsv: workload, figure, kiemke, peer, ratio, target, verdict.

log() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# result WORKLOAD FIGURE KIEMKE PEER RATIO TARGET VERDICT
result() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$OUT/results.tsv"
    printf '  %-8s %-46s kiemke=%-12s peer=%-12s ratio=%-7s %s %s\n' "$@" >&2
}

# calc EXPR: floating-point arithmetic (awk), printed with up to 3 decimals.
calc() { awk "BEGIN { v = $1; if (v == int(v)) printf \"%d\", v; else printf \"%.3f\", v }"; }

# verdict VALUE OP LIMIT -> "pass" or "FALLS SHORT" (OP is <= or < or ==).
verdict() {
    if awk "BEGIN { exit !($1 $2 $3) }"; then echo pass; else echo "FALLS SHORT"; fi
}

# measure FILE -- CMD...: runs CMD (bounded by the caller's timeout), stdout to FILE.out, and
# appends "wall user sys maxrss_kb exit" to FILE.time: times to the millisecond from bash's
# `time` (children included), peak RSS from /usr/bin/time.
measure() {
    local file=$1; shift; [[ $1 == -- ]] && shift
    local TIMEFORMAT='%3R %3U %3S' times
    times=$( { time /usr/bin/time -f '%M %x' -o "$file.rss.tmp" "$@" >"$file.out" 2>"$file.err"; } 2>&1 ) || true
    echo "$times $(tail -n1 "$file.rss.tmp")" >>"$file.time"
    rm -f "$file.rss.tmp"
}

# median FILE COLUMN: the median of a column of numbers (1-based).
median() {
    awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# hyperfine_median NAME JSON: median seconds of the one command in a hyperfine JSON export.
hyperfine_median() { jq -r '.results[0].median' "$1"; }

# ipv4 BASE OFFSET: the address OFFSET places after BASE (dotted quads).
ipv4() {
    local IFS=. a b c d; read -r a b c d <<<"$1"
    local v=$(( (a << 24 | b << 16 | c << 8 | d) + $2 ))
    echo "$(( v >> 24 & 255 )).$(( v >> 16 & 255 )).$(( v >> 8 & 255 )).$(( v & 255 ))"
}

# bed_targets N: N test bed addresses, every fifth one dead (blackholed 198.18.2.0/24).
bed_targets() {
    local i live=0 dead=0
    for ((i = 0; i < $1; i++)); do
        if (( i % 5 == 4 )); then ipv4 198.18.2.1 $((dead++)); else ipv4 198.18.16.1 $((live++)); fi
    done
}

# Test beds this run created, torn down by cleanup (trap) whatever happens.
BEDS=()
# pg_start DIR PORT [SERVER OPTION...]: a PostgreSQL 15 of its own in DIR/data (initdb and pg_ctl as
# nobody, password auth, a private loopback port and socket folder DIR); prints the superuser's URL.
# Returns 1 when PostgreSQL 15 is not installed. pg_stop DIR stops it.
PG_BIN=/usr/lib/postgresql/15/bin
pg_start() {
    local dir=$1 port=$2; shift 2
    [[ -x $PG_BIN/initdb ]] || return 1
    mkdir -p "$dir"; chown nobody "$dir"
    printf 'bench-admin\n' >"$dir/pw"; chown nobody "$dir/pw"
    runuser -u nobody -- "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile "$dir/pw" --auth-host=scram-sha-256 \
        --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    runuser -u nobody -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $*" start >/dev/null
    echo "postgres://postgres:bench-admin@127.0.0.1:$port/postgres?sslmode=disable"
}
pg_stop() { runuser -u nobody -- "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null || true; }

bed_up() {
    local name=$1; shift
    BEDS+=("$name")
    "$ROOT/scripts/testbed" up "$name" "$@"
}
bed_down_all() {
    local name
    for name in "${BEDS[@]}"; do "$ROOT/scripts/testbed" down "$name" || true; done
    BEDS=()
}

# bed_bytes: bytes through the test bed's link (sent + received by the prober namespace) so far.
bed_bytes() {
    ip -n "kiemke-$BED-p" -s -j link show link0 | jq '.[0].stats64 | .rx.bytes + .tx.bytes'
}

# stop_agents: stops the snmpd started by start_agents and waits for them to release their addresses.
stop_agents() {
    local a
    for a in "${AGENT_PIDS[@]}"; do kill "$a" 2>/dev/null || true; done
    for a in "${AGENT_PIDS[@]}"; do wait "$a" 2>/dev/null || true; done
    AGENT_PIDS=()
}

# Background processes this run started (by pid), stopped by cleanup.
PIDS=()
stop_started() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PIDS=()
}

# start_agents DIR ADDRESS_FILE: four snmpd in the office namespace, each bound to its own quarter
# of the addresses in ADDRESS_FILE (one agent for all of them is CPU-bound), with community public.
# -C: only this config; -M/-m: no MIB files (the agent serves OIDs without them); -I -ipv6,smux:
# IPV6-MIB re-reads /proc for every value, and only one agent could bind the SMUX port.
# Leaves the agents' pids in AGENT_PIDS.
start_agents() {
    local dir=$1 addresses=$2 agents=4 per a endpoints
    AGENT_PIDS=()
    printf 'rocommunity public default\ndontLogTCPWrappersConnects yes\n' >"$dir/snmpd.conf"
    per=$(( ($(wc -l <"$addresses") + agents - 1) / agents ))
    for ((a = 0; a < agents; a++)); do
        endpoints=$(sed -n "$((a * per + 1)),$(((a + 1) * per))p" "$addresses" | sed 's/^/udp:/; s/$/:161/' | paste -sd,)
        "$ROOT/scripts/testbed" office "$BED" -- snmpd -f -C -c "$dir/snmpd.conf" -M /nonexistent -m '' \
            -I -ipv6,smux -Lf "$dir/snmpd.$a.log" "$endpoints" &
        PIDS+=("$!"); AGENT_PIDS+=("$!")
    done
    sleep 1
    for a in "${AGENT_PIDS[@]}"; do
        kill -0 "$a" 2>/dev/null || die "an snmpd did not start; see $dir/snmpd.*.log"
    done
}
