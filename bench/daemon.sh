# Workload "daemon": kiemke daemon's memory, CPU and bytes on the wire while polling 1,000
# devices every minute in the test bed (a fifth of them silent; the live ones answer ICMP, TCP and
# SNMP v2c from four snmpd standing in for them), beside fping sweeping the same addresses and
# beside a LibreNMS-style poller (fping each minute + snmpget/snmpbulkwalk each 5 minutes) for
# the bytes. Sourced by bench/run.
# DAEMON_WEB=1 bench/run daemon: the same with `[web] listen` set (issue 16) and 10 clients
# reading the status page (wrk, inside the test bed) through the measured window: the RSS target
# for the daemon with its web page on is under 64 MB. DAEMON_WEB_LOAD=office instead reads a page
# every 3 s (20 clerks with the status page open, each refreshed once a minute).

# daemon_proc PID: "rss_kb hwm_kb cpu_ticks" of a running process, from /proc.
daemon_proc() {
    local rss hwm ticks
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status")
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$1/status")
    ticks=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
    echo "$rss $hwm $ticks"
}

run_daemon() {
    local dir=$OUT/daemon devices=1000 seconds=300 warmup=60
    [[ $QUICK == 1 ]] && { seconds=100; warmup=20; }
    rm -rf "$dir"; mkdir -p "$dir"
    local db=$dir/kiemke.sqlite hz
    hz=$(getconf CLK_TCK)
    bed_up "$BED" --delay-ms 25 --loss-pct 2.5
    "$KBENCH" seed --db "$db" --devices "$devices" --dead-every 5 --first-address 198.18.16.1 \
        --dead-first-address 198.18.2.1 >"$dir/seed.json"
    sqlite3 "$db" "SELECT address FROM device ORDER BY id" >"$dir/targets"
    grep -E '^198\.18\.(1[6-9]|2[0-9]|3[01])\.' "$dir/targets" >"$dir/live"
    # Every device speaks SNMP v2c: four snmpd stand in for the live ones, each bound to a quarter
    # of their addresses, as in the snmp workload; the silent fifth is blackholed.
    sqlite3 "$db" "UPDATE device SET snmpVersion = '2c', snmpCommunity = 'public'"
    start_agents "$dir" "$dir/live"

    local config=$BENCH/bench.toml web_port=""
    if [[ ${DAEMON_WEB:-0} == 1 ]]; then
        web_port=$((20000 + RANDOM % 20000)); config=$dir/bench-web.toml
        { cat "$BENCH/bench.toml"; printf '\n[web]\nlisten = "127.0.0.1:%s"\n' "$web_port"; } >"$config"
        command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >&2; }
    fi
    # As the office runs it (config/kiemke.service): a user that may not write the program file, with
    # CAP_NET_RAW alone. That matters to memory: the kernel pages out a file's pages only for a process
    # that could write the file (MemoryTuning+CodePages.swift). BENCH_DAEMON_ROOT=1 runs it as root.
    local as_user=() who="as an unprivileged user with CAP_NET_RAW, as the service runs it"
    if [[ ${BENCH_DAEMON_ROOT:-0} == 1 ]]; then
        who="as root"
    else
        chown -R 65534:65534 "$dir"
        as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=+net_raw --ambient-caps=+net_raw)
    fi
    log "daemon: polling $devices devices (a fifth silent) every minute for $seconds s (25 ms each way, 2.5% loss), $who"
    # timeout bounds the daemon even if this script is killed; cleanup stops it by pid.
    "$ROOT/scripts/testbed" exec "$BED" -- timeout -s TERM $((seconds + 60)) "${as_user[@]}" \
        "$KIEMKE" daemon --interval 1m --db "$db" --config "$config" --log-level info \
        >"$dir/daemon.log" 2>&1 &
    local outer=$! pid="" i
    PIDS+=("$outer")
    for ((i = 0; i < 100; i++)); do
        pid=$(pgrep -P "$outer" || true)
        [[ -n $pid ]] && break
        sleep 0.1
    done
    [[ -n $pid ]] || die "daemon did not start; see $dir/daemon.log"
    # BENCH_CODEPAGES=1: which pages of the executable are resident near the peak and at the end,
    # whose code they hold (bench/code-pages), and the page faults of the warm-up (perf), which tell
    # the pages the daemon touched from the neighbours the kernel mapped with them.
    local faults_pid=""
    if [[ ${BENCH_CODEPAGES:-0} == 1 ]] && command -v perf >/dev/null; then
        perf record -B -N -e page-faults -c 1 -d -e syscalls:sys_enter_madvise -p "$pid" -o "$dir/faults.data" \
            >"$dir/faults.log" 2>&1 &
        faults_pid=$!; PIDS+=("$faults_pid")
    fi
    # BENCH_DAEMON_HOOK=SCRIPT: SCRIPT PID DIR runs beside the daemon (a profiler, say) until the workload ends.
    if [[ -n ${BENCH_DAEMON_HOOK:-} ]]; then "$BENCH_DAEMON_HOOK" "$pid" "$dir" >"$dir/hook.log" 2>&1 & PIDS+=("$!"); fi
    sleep "$warmup"
    if [[ -n $web_port && ${DAEMON_WEB_LOAD:-busy} == office ]]; then
        # An office: 20 clerks with the status page open, each refreshed once a minute (a page every 3 s),
        # and a device page now and then.
        "$ROOT/scripts/testbed" exec "$BED" -- timeout $((seconds - warmup + 10)) bash -c "
            for ((n = 0; ; n++)); do
                curl -s -o /dev/null http://127.0.0.1:$web_port/
                (( n % 5 == 4 )) && curl -s -o /dev/null http://127.0.0.1:$web_port/devices/PRINTER-0001
                sleep 3
            done" >/dev/null 2>&1 &
        PIDS+=("$!")
    elif [[ -n $web_port ]]; then
        "$ROOT/scripts/testbed" exec "$BED" -- timeout $((seconds - warmup + 10)) \
            wrk -t1 -c10 -d"$((seconds - warmup))s" --latency "http://127.0.0.1:$web_port/" >"$dir/wrk.txt" 2>&1 &
        PIDS+=("$!")
    fi
    local start_cpu end_cpu sample t0 t1 bytes0 bytes1 obs0 obs1
    read -r _ _ start_cpu < <(daemon_proc "$pid")
    t0=$(date +%s.%N); bytes0=$(bed_bytes); obs0=$(sqlite3 "$db" "SELECT count(*) FROM observation")
    # BENCH_PERF=1: a CPU profile of the measured window (perf record; it costs CPU, so not for figures).
    if [[ ${BENCH_PERF:-0} == 1 ]] && command -v perf >/dev/null; then
        perf record -F 499 -g -p "$pid" -o "$dir/perf.data" -- sleep $((seconds - warmup - 10)) >"$dir/perf.log" 2>&1 &
    fi
    for ((i = 0; i < (seconds - warmup) / 5; i++)); do
        sleep 5
        sample=$(daemon_proc "$pid") || die "daemon stopped early; see $dir/daemon.log"
        echo "$sample" >>"$dir/samples"
        # Where the memory is, mapping by mapping, near the peak (just after the warm-up) and at the end.
        if (( i == 0 )); then
            cp "/proc/$pid/smaps" "$dir/smaps.start" 2>/dev/null
            if [[ ${BENCH_CODEPAGES:-0} == 1 ]]; then
                "$BENCH/code-pages" dump "$pid" "$dir/pages.start"
                [[ -n $faults_pid ]] && { kill -INT "$faults_pid"; wait "$faults_pid" 2>/dev/null || true; }
            fi
        fi
    done
    cp "/proc/$pid/smaps" "$dir/smaps.end" 2>/dev/null || true
    [[ ${BENCH_CODEPAGES:-0} == 1 ]] && "$BENCH/code-pages" dump "$pid" "$dir/pages.end"
    read -r _ _ end_cpu < <(daemon_proc "$pid")
    t1=$(date +%s.%N); bytes1=$(bed_bytes); obs1=$(sqlite3 "$db" "SELECT count(*) FROM observation")
    local rss hwm
    read -r rss hwm _ < <(daemon_proc "$pid")
    kill -TERM "$pid"; wait "$outer" 2>/dev/null || true
    local observations cpu_hour cycles k_bytes
    observations=$(sqlite3 "$db" "SELECT count(*) FROM observation")
    cpu_hour=$(calc "($end_cpu - $start_cpu) / $hz / ($t1 - $t0) * 3600")
    cycles=$(calc "($t1 - $t0) / 60")
    k_bytes=$(calc "($bytes1 - $bytes0) / $devices / $cycles")

    # The peer: fping sweeping the same addresses with the daemon's tries and timeout, twice.
    local f_bytes0 f_bytes1
    f_bytes0=$(bed_bytes)
    for ((i = 0; i < 2; i++)); do
        measure "$dir/fping" -- timeout 120 "$ROOT/scripts/testbed" exec "$BED" -- \
            fping -q -f "$dir/targets" -i 1 -t 1000 -r 2 -B 1
    done
    f_bytes1=$(bed_bytes)
    # LibreNMS-style SNMP: the system group by snmpget, then storage, supplies and interfaces by
    # snmpbulkwalk (bench/snmp-peer), once; it runs every 5 minutes, so a fifth counts per minute.
    local s_bytes0 s_bytes1
    s_bytes0=$(bed_bytes)
    timeout 600 "$ROOT/scripts/testbed" exec "$BED" -- xargs -P 64 -n 1 "$BENCH/snmp-peer" <"$dir/targets" >"$dir/peer.out"
    s_bytes1=$(bed_bytes)
    local p_bytes
    p_bytes=$(calc "(($f_bytes1 - $f_bytes0) / 2 + ($s_bytes1 - $s_bytes0) / 5) / $devices")
    awk '{ print $2 + $3 }' "$dir/fping.time" >"$dir/fping.cpu"
    local f_cpu_hour f_rss
    f_cpu_hour=$(calc "$(median "$dir/fping.cpu" 1) * 60")
    f_rss=$(calc "$(median "$dir/fping.time" 4) / 1024")
    [[ -n $web_port && ${DAEMON_WEB_LOAD:-busy} != office ]] && result daemon "with [web] on, 10 clients reading status: $(awk '/Requests\/sec/ { print $2 }' "$dir/wrk.txt" 2>/dev/null) pages/s" "-" "-" "-" "info" "-"
    result daemon "peak RSS (VmHWM) MB, $devices devices/min, 20% silent" "$(calc "$hwm / 1024")" "$f_rss" \
        "$(calc "$hwm / 1024 / $f_rss")" "<= 40 MB" "$(verdict "$hwm" '<=' $((40 * 1024)))"
    result daemon "RSS at end (VmRSS) MB" "$(calc "$rss / 1024")" "-" "-" "info" "-"
    result daemon "CPU s per hour (over $(calc "$t1 - $t0") s, after ${warmup} s; peer: fping)" "$cpu_hour" "$f_cpu_hour" \
        "$(calc "$cpu_hour / $f_cpu_hour")" "<= 30" "$(verdict "$cpu_hour" '<=' 30)"
    result daemon "bytes on the wire per device per cycle (peer: fping/min + SNMP/5 min)" "$k_bytes" "$p_bytes" \
        "$(calc "$k_bytes / $p_bytes")" "info" "-"
    result daemon "  peer parts: fping bytes/device, SNMP walk bytes/device" "-" \
        "$(calc "($f_bytes1 - $f_bytes0) / 2 / $devices") / $(calc "($s_bytes1 - $s_bytes0) / $devices")" "-" "info" "-"
    result daemon "observations written in $seconds s (measured window: $((obs1 - obs0)))" "$observations" "-" "-" "info" "-"
    local with_facts
    with_facts=$(sqlite3 "$db" "SELECT count(*) FROM observation WHERE facts IS NOT NULL")
    result daemon "observations with SNMP facts (full reads)" "$with_facts" "-" "-" "info" "-"
    stop_agents
}
