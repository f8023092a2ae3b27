# Workload "store": one cycle's write for 1,000 devices, `kiemke status`, and `kiemke report`
# over a year, on a database holding a year of rollups. Sourced by bench/run.
#
# The database is what a year of the daemon leaves (see BENCHMARKS.md): devices, a year of
# hourly and daily availability rollups, condition marks, and the last hours of raw cycles
# written through InventoryStore.record — whose per-cycle times are the write figure.

store_sqlite_rows() { sqlite3 "$1" "$2"; }

run_store() {
    local dir=$OUT/store devices=1000 days=365 raw_hours=24 raw_days=14 runs=10
    [[ $QUICK == 1 ]] && { days=60; raw_hours=2; raw_days=2; runs=3; }
    rm -rf "$dir"; mkdir -p "$dir"
    local db=$dir/kiemke.sqlite config=$BENCH/bench.toml
    log "store: seeding $devices devices, $days days of rollups, $raw_hours h of raw cycles"
    timeout 900 "$KBENCH" seed --db "$db" --devices "$devices" --dead-every 50 --history-days "$days" \
        --raw-hours "$raw_hours" --peer-sql "$dir/peer.sql" >"$dir/seed.json"
    jq -c . "$dir/seed.json" >&2
    sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

    # One cycle's write: kiemke's real path (in process) against sqlite3 inserting the same
    # 1,000 rows in one transaction, net of the shell's own start-up (an empty transaction).
    local max_id i
    max_id=$(store_sqlite_rows "$db" "SELECT max(id) FROM observation")
    printf 'BEGIN;\nCOMMIT;\n' >"$dir/empty.sql"
    for ((i = 0; i < runs; i++)); do
        measure "$dir/sqlite-insert" -- timeout 60 sqlite3 "$db" ".read $dir/peer.sql"
        measure "$dir/sqlite-empty" -- timeout 60 sqlite3 "$db" ".read $dir/empty.sql"
    done
    store_sqlite_rows "$db" "DELETE FROM observation WHERE id > $max_id" >/dev/null
    local k_ms p_ms
    k_ms=$(calc "$(jq .recordMs.median "$dir/seed.json")")
    p_ms=$(calc "($(median "$dir/sqlite-insert.time" 1) - $(median "$dir/sqlite-empty.time" 1)) * 1000")
    result store "write one cycle, 1,000 devices: ms (median of $(jq '.rawCycles' "$dir/seed.json"))" \
        "$k_ms" "$p_ms" "$(calc "$k_ms / ($p_ms > 0 ? $p_ms : 0.001)")" "info" "-"
    result store "write one cycle: p95 / max ms" "$(calc "$(jq .recordMs.p95 "$dir/seed.json")") / $(calc "$(jq .recordMs.max "$dir/seed.json")")" \
        "-" "-" "info" "-"

    # kiemke status (target 200 ms) beside sqlite3 counting the same device states.
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$dir/status.json" \
        "$KIEMKE status --db $db --config $config" >"$dir/status.log" 2>&1
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$dir/status-peer.json" \
        "sqlite3 $db 'SELECT count(*) FROM deviceState'" >>"$dir/status.log" 2>&1
    local k p
    k=$(calc "$(hyperfine_median "$dir/status.json") * 1000"); p=$(calc "$(hyperfine_median "$dir/status-peer.json") * 1000")
    result store "kiemke status, $devices devices: ms" "$k" "$p" "$(calc "$k / $p")" "< 200 ms" "$(verdict "$k" '<' 200)"

    # kiemke report over a year (target 1 s) beside sqlite3 running kiemke's own rollup query
    # and a count(*), and the naive tool that aggregates raw observations instead.
    local today from
    today=$(TZ=Asia/Ho_Chi_Minh date +%F); from=$(TZ=Asia/Ho_Chi_Minh date -d "$today - 364 days" +%F)
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$dir/report.json" \
        "$KIEMKE report --from $from --to $today --db $db --config $config" >"$dir/report.log" 2>&1
    "$KIEMKE" report --from "$from" --to "$today" --db "$db" --config "$config" >"$dir/report.txt"
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$dir/report-rollup.json" \
        "sqlite3 $db \"SELECT deviceId, SUM(upSeconds), SUM(downSeconds), SUM(offSeconds), SUM(brokenSeconds) FROM availabilityDay WHERE day >= '$from' AND day <= '$today' GROUP BY deviceId\"" \
        >>"$dir/report.log" 2>&1
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$dir/report-count.json" \
        "sqlite3 $db 'SELECT count(*) FROM availabilityDay'" >>"$dir/report.log" 2>&1
    k=$(calc "$(hyperfine_median "$dir/report.json") * 1000")
    local rollup count
    rollup=$(calc "$(hyperfine_median "$dir/report-rollup.json") * 1000")
    count=$(calc "$(hyperfine_median "$dir/report-count.json") * 1000")
    result store "kiemke report, $days days x $devices devices: ms" "$k" "$rollup" "$(calc "$k / $rollup")" "< 1000 ms" "$(verdict "$k" '<' 1000)"
    result store "  peer: sqlite3 SELECT count(*) availabilityDay, ms" "-" "$count" "-" "info" "-"

    # The naive tool: aggregate raw 5-minute observations for the period. A year of them
    # (105 million rows) is what kiemke's rollups avoid, so time $raw_days days and scale up.
    local raw=$dir/raw.sqlite n_rows
    n_rows=$((raw_days * 288 * devices))
    log "store: generating $n_rows raw observations ($raw_days days) for the naive peer"
    rm -f "$raw"
    sqlite3 "$db" ".schema observation" | sed 's/REFERENCES "device"([^)]*)[^,)]*//' >"$dir/raw-schema.sql"
    timeout 900 sqlite3 "$raw" ".read $dir/raw-schema.sql" "PRAGMA journal_mode=WAL;" \
        "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < $n_rows)
         INSERT INTO observation (deviceId, time, up, answeredBy, rttMs)
         SELECT i % $devices + 1, strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (i / $devices * 300) || ' seconds'),
                (i % 50) <> 0, 'icmp', 1.0 FROM s;" >/dev/null
    hyperfine -N --warmup 1 --runs 3 --export-json "$dir/report-naive.json" \
        "sqlite3 $raw \"SELECT deviceId, SUM(up), COUNT(*) FROM observation WHERE time >= '$from' GROUP BY deviceId\"" \
        >>"$dir/report.log" 2>&1
    local naive year
    naive=$(calc "$(hyperfine_median "$dir/report-naive.json") * 1000")
    year=$(calc "$naive * 365 / $raw_days")
    result store "  peer: naive sqlite3 over raw rows, $raw_days days, ms" "-" "$naive" "-" "info" "-"
    result store "  peer: naive over a year of raw rows (x365/$raw_days), ms" "$k" "$year" "$(calc "$k / $year")" "info" "-"
}
