# Workload "outage": how long after a device goes silent the daemon records it down, at the
# default 5-minute interval (down_after 2, confirm_after 15 s). 100 devices in the test bed (a
# fifth silent from the start); the first live device the daemon probes is cut (its address
# blackholed in the office) right after that probe: the worst case, a whole interval to the
# next probe. Not a computer: outside office hours (run in the evening, Vietnam time) a silent
# computer is "off", rightly, and would never be recorded down. Sourced by bench/run.

run_outage() {
    local dir=$OUT/outage devices=100 interval=300
    [[ $QUICK == 1 ]] && interval=60
    rm -rf "$dir"; mkdir -p "$dir"
    local db=$dir/kiemke.sqlite
    bed_up "$BED" --delay-ms 25 --loss-pct 2.5
    "$KBENCH" seed --db "$db" --devices "$devices" --dead-every 5 --first-address 198.18.16.1 \
        --dead-first-address 198.18.2.1 >"$dir/seed.json"
    sqlite3 "$db" "SELECT address FROM device ORDER BY id" >"$dir/targets"
    grep -E '^198\.18\.(1[6-9]|2[0-9]|3[01])\.' "$dir/targets" >"$dir/live"
    sqlite3 "$db" "UPDATE device SET snmpVersion = '2c', snmpCommunity = 'public'"
    start_agents "$dir" "$dir/live"

    log "outage: $devices devices every $interval s; one cut right after its probe"
    "$ROOT/scripts/testbed" exec "$BED" -- timeout -s TERM $((3 * interval + 120)) \
        "$KIEMKE" daemon --interval "${interval}s" --db "$db" --config "$BENCH/bench.toml" --log-level info \
        >"$dir/daemon.log" 2>&1 &
    PIDS+=("$!")
    local i id="" address
    for ((i = 0; i < interval + 30; i++)); do
        id=$(sqlite3 "$db" "SELECT o.deviceId FROM observation o JOIN device d ON d.id = o.deviceId
                            WHERE o.up = 1 AND d.address LIKE '198.18.1%' AND d.kind <> 'computer'
                            ORDER BY o.id LIMIT 1" 2>/dev/null || true)
        [[ -n $id ]] && break
        sleep 1
    done
    [[ -n $id ]] || die "no live device was probed; see $dir/daemon.log"
    address=$(sqlite3 "$db" "SELECT address FROM device WHERE id = $id")
    local cut found="" t
    "$ROOT/scripts/testbed" office "$BED" -- ip route add blackhole "$address/32" table local
    cut=$(date +%s.%N)
    for ((i = 0; i < interval + 120; i++)); do
        found=$(sqlite3 "$db" "SELECT count(*) FROM stateChange WHERE deviceId = $id AND \"to\" = 'down'" 2>/dev/null || echo 0)
        [[ $found -gt 0 ]] && break
        sleep 1
    done
    t=$(date +%s.%N)
    [[ $found -gt 0 ]] || die "the cut device $address was never recorded down; see $dir/daemon.log"
    local detect limit
    detect=$(calc "$t - $cut")
    limit=$((interval + 30))
    sqlite3 "$db" "SELECT time, up, answeredBy, error FROM observation WHERE deviceId = $id ORDER BY time" >"$dir/cut-device.observations"
    result outage "silent to down s, interval ${interval} s, confirm_after 15 s (cut right after a probe)" "$detect" \
        "$((2 * interval))" "$(calc "$detect / (2 * $interval)")" "<= $limit" "$(verdict "$detect" '<=' "$limit")"
    stop_agents
}
