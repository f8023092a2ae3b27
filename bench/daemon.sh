# Workload "daemon": kiemke daemon's memory and CPU while polling 1,000 live devices every
# minute in the test bed (ICMP, TCP and SNMP v2c against four snmpd standing in for the devices),
# beside fping sweeping the same addresses. Sourced by bench/run.

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
    [[ " ${BEDS[*]} " == *" $BED "* ]] || bed_up "$BED" --delay-ms 25 --loss-pct 2.5
    "$KBENCH" seed --db "$db" --devices "$devices" --first-address 198.18.16.1 >"$dir/seed.json"
    sqlite3 "$db" "SELECT address FROM device" >"$dir/targets"
    # Every device answers SNMP v2c (the daemon reads its facts on every poll): four snmpd stand in
    # for them, each bound to a quarter of the addresses, as in the snmp workload.
    sqlite3 "$db" "UPDATE device SET snmpVersion = '2c', snmpCommunity = 'public'"
    start_agents "$dir" "$dir/targets"

    log "daemon: polling $devices devices every minute for $seconds s (25 ms each way, 2.5% loss)"
    # timeout bounds the daemon even if this script is killed; cleanup stops it by pid.
    "$ROOT/scripts/testbed" exec "$BED" -- timeout -s TERM $((seconds + 60)) \
        "$KIEMKE" daemon --interval 1m --db "$db" --config "$BENCH/bench.toml" --log-level info \
        >"$dir/daemon.log" 2>&1 &
    local outer=$! pid="" i
    PIDS+=("$outer")
    for ((i = 0; i < 100; i++)); do
        pid=$(pgrep -P "$outer" || true)
        [[ -n $pid ]] && break
        sleep 0.1
    done
    [[ -n $pid ]] || die "daemon did not start; see $dir/daemon.log"
    sleep "$warmup"
    local start_cpu end_cpu sample t0 t1 peak=0
    read -r _ _ start_cpu < <(daemon_proc "$pid")
    t0=$(date +%s.%N)
    for ((i = 0; i < (seconds - warmup) / 5; i++)); do
        sleep 5
        sample=$(daemon_proc "$pid") || die "daemon stopped early; see $dir/daemon.log"
        echo "$sample" >>"$dir/samples"
    done
    read -r _ _ end_cpu < <(daemon_proc "$pid")
    t1=$(date +%s.%N)
    local rss hwm
    read -r rss hwm _ < <(daemon_proc "$pid")
    kill -TERM "$pid"; wait "$outer" 2>/dev/null || true
    local observations cpu_hour
    observations=$(sqlite3 "$db" "SELECT count(*) FROM observation")
    cpu_hour=$(calc "($end_cpu - $start_cpu) / $hz / ($t1 - $t0) * 3600")

    # The peer: fping sweeping the same addresses with the daemon's tries and timeout, twice.
    for ((i = 0; i < 2; i++)); do
        measure "$dir/fping" -- timeout 120 "$ROOT/scripts/testbed" exec "$BED" -- \
            fping -q -f "$dir/targets" -i 1 -t 1000 -r 2 -B 1
    done
    awk '{ print $2 + $3 }' "$dir/fping.time" >"$dir/fping.cpu"
    local f_cpu_hour f_rss
    f_cpu_hour=$(calc "$(median "$dir/fping.cpu" 1) * 60")
    f_rss=$(calc "$(median "$dir/fping.time" 4) / 1024")
    result daemon "peak RSS (VmHWM) MB, $devices devices/min" "$(calc "$hwm / 1024")" "$f_rss" \
        "$(calc "$hwm / 1024 / $f_rss")" "< 50 MB" "$(verdict "$hwm" '<' $((50 * 1024)))"
    result daemon "RSS at end (VmRSS) MB" "$(calc "$rss / 1024")" "-" "-" "info" "-"
    result daemon "CPU s per hour (over $(calc "$t1 - $t0") s, after ${warmup} s)" "$cpu_hour" "$f_cpu_hour" \
        "$(calc "$cpu_hour / $f_cpu_hour")" "info" "-"
    result daemon "observations written in $seconds s" "$observations" "-" "-" "info" "-"
    local with_facts
    with_facts=$(sqlite3 "$db" "SELECT count(*) FROM observation WHERE facts IS NOT NULL")
    result daemon "observations with SNMP facts" "$with_facts" "-" "-" "info" "-"
    for a in "${agent_pids[@]}"; do kill "$a" 2>/dev/null || true; done
}
