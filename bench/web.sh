# Workload "web": the office's web page (`kiemke web`, release build) over 1,000 devices with 30
# days of history: the status page's server time and size (targets < 50 ms, < 300 KB), a device
# page with its 30-day chart (< 30 ms), and 50 concurrent clients reading the status page for a
# minute (p99 < 200 ms), beside Python's http.server serving a saved copy of the same page. The
# status page is timed twice: a view's first render (32 views: each sort, order and language) and
# a kept one (the page keeps each view's table a few seconds; README, "How fresh the status list is").
# Sourced by bench/run. Loopback only.

run_web() {
    local dir=$OUT/web devices=1000 days=30 runs=50 seconds=60 clients=50
    [[ $QUICK == 1 ]] && { runs=10; seconds=10; }
    rm -rf "$dir"; mkdir -p "$dir"
    command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >&2; }
    local db=$dir/kiemke.sqlite config=$BENCH/bench.toml port=$((20000 + RANDOM % 20000)) peer=$((20000 + RANDOM % 20000))
    log "web: seeding $devices devices with $days days of rollups"
    timeout 900 "$KBENCH" seed --db "$db" --devices "$devices" --dead-every 50 --history-days "$days" --raw-hours 1 >"$dir/seed.json"
    local device
    device=$("$KIEMKE" devices list --db "$db" --config "$config" --format csv | awk -F, 'NR == 2 { print $1 }')
    "$KIEMKE" web --listen "127.0.0.1:$port" --db "$db" --config "$config" >"$dir/web.log" 2>&1 &
    local web_pid=$!
    PIDS+=("$web_pid")
    local i
    for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    # Server time of a first render: each sort, order and language is a view of its own, built
    # once and then kept a few seconds (README, "The web page"); 32 views, each asked once.
    local column order lang
    for lang in vi en; do for order in asc desc; do
        for column in name kind location condition state since lastProbe rtt; do
            curl -s -o /dev/null -w '%{time_starttransfer} %{size_download}\n' \
                "http://127.0.0.1:$port/?sort=$column&order=$order&lang=$lang" >>"$dir/cold.times"
        done
    done; done
    # Server time: curl's time to the first byte, on loopback (the page is built before it is sent).
    for i in $(seq 1 "$runs"); do
        curl -s -o "$dir/status.html" -w '%{time_starttransfer} %{size_download}\n' "http://127.0.0.1:$port/" >>"$dir/status.times"
        curl -s -o /dev/null -w '%{time_starttransfer} %{size_download}\n' "http://127.0.0.1:$port/devices/$device" >>"$dir/device.times"
    done
    # The peer: the same bytes from a static file server.
    mkdir -p "$dir/static" && cp "$dir/status.html" "$dir/static/index.html"
    (cd "$dir/static" && exec python3 -m http.server "$peer" --bind 127.0.0.1) >"$dir/peer.log" 2>&1 &
    local peer_pid=$!
    PIDS+=("$peer_pid")
    for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$peer/" >/dev/null && break; sleep 0.1; done
    for i in $(seq 1 "$runs"); do
        curl -s -o /dev/null -w '%{time_starttransfer} %{size_download}\n' "http://127.0.0.1:$peer/" >>"$dir/peer.times"
    done
    timeout $((seconds + 30)) wrk -t2 -c"$clients" -d"${seconds}s" --latency "http://127.0.0.1:$port/" >"$dir/wrk.txt" 2>&1 || true
    timeout $((seconds + 30)) wrk -t2 -c"$clients" -d"${seconds}s" --latency "http://127.0.0.1:$peer/" >"$dir/wrk-peer.txt" 2>&1 || true

    local status_ms cold_ms size_kb device_ms peer_ms p99 peer_p99 rate rss
    rss=$(awk '/^VmHWM:/ { print $2 }' "/proc/$web_pid/status" 2>/dev/null || echo 0)
    status_ms=$(calc "$(median "$dir/status.times" 1) * 1000")
    cold_ms=$(calc "$(median "$dir/cold.times" 1) * 1000")
    size_kb=$(calc "$(median "$dir/status.times" 2) / 1024")
    device_ms=$(calc "$(median "$dir/device.times" 1) * 1000")
    peer_ms=$(calc "$(median "$dir/peer.times" 1) * 1000")
    # wrk prints "99%  12.34ms" (or us, s) under --latency.
    to_ms() { awk '/^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else { sub(/s$/, "", v); v *= 1000 } print v }' "$1"; }
    p99=$(to_ms "$dir/wrk.txt"); peer_p99=$(to_ms "$dir/wrk-peer.txt")
    kill "$web_pid" "$peer_pid" 2>/dev/null || true
    rate=$(awk '/Requests\/sec/ { print $2 }' "$dir/wrk.txt")
    result web "status page, $devices devices, first render of a view: server ms" "$cold_ms" "$peer_ms" "$(calc "$cold_ms / ($peer_ms + 0.001)")" "< 50" "$(verdict "$cold_ms" "<" 50)"
    result web "status page, $devices devices, kept view: server ms" "$status_ms" "$peer_ms" "$(calc "$status_ms / ($peer_ms + 0.001)")" "< 50" "$(verdict "$status_ms" "<" 50)"
    result web "status page size KB" "$size_kb" "-" "-" "< 300" "$(verdict "$size_kb" "<" 300)"
    result web "device page with 30-day chart: ms" "$device_ms" "-" "-" "< 30" "$(verdict "$device_ms" "<" 30)"
    result web "$clients clients ${seconds}s on status: p99 ms" "${p99:-?}" "${peer_p99:-?}" "$(calc "${p99:-0} / (${peer_p99:-0} + 0.001)")" "< 200" "$(verdict "${p99:-1e9}" "<" 200)"
    result web "  $clients clients: pages/s" "${rate:-?}" "$(awk '/Requests\/sec/ { print $2 }' "$dir/wrk-peer.txt")" "-" "info" "-"
    result web "kiemke web peak RSS MB (VmHWM, after the run)" "$(calc "$rss / 1024")" "-" "-" "info" "-"
}
