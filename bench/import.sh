# Workload "import" (issue 11): `kiemke devices import` of a 200,000-row device list into a new
# database, and a `kiemke mark` started while that import runs (it waits for the import's write
# lock instead of failing with "database is locked"). Sourced by bench/run.
#
# Peer: sqlite3 `.import` of the same file into a table of the same columns, in one transaction:
# what loading the rows costs without kiemke's checks, condition marks and change log.

run_import() {
    local dir=$OUT/import rows=200000 runs=3 i
    [[ $QUICK == 1 ]] && { rows=20000; runs=1; }
    rm -rf "$dir"; mkdir -p "$dir"
    local csv=$dir/devices.csv
    log "import: generating $rows rows"
    awk -v n="$rows" 'BEGIN {
        print "name,kind,address,location,condition,note"
        for (i = 0; i < n; i++)
            printf "Máy-%06d,camera,10.%d.%d.%d,Tầng %d,good,ghi chú %d\n", i, int(i / 65536), int(i / 256) % 256, i % 256, i % 5, i
    }' >"$csv"

    for ((i = 0; i < runs; i++)); do
        rm -f "$dir"/k.sqlite*
        measure "$dir/kiemke" -- timeout 600 "$KIEMKE" devices import "$csv" --db "$dir/k.sqlite" --by bench
        rm -f "$dir"/p.sqlite*
        measure "$dir/peer" -- timeout 600 sqlite3 "$dir/p.sqlite" \
            "CREATE TABLE device (name TEXT, kind TEXT, address TEXT, location TEXT, condition TEXT, note TEXT);" \
            ".import --csv --skip 1 $csv device"
    done
    grep -q "$rows added" "$dir/kiemke.out" || die "import: kiemke did not add $rows devices: $(cat "$dir/kiemke.err")"
    local k p
    k=$(median "$dir/kiemke.time" 1); p=$(median "$dir/peer.time" 1)
    result import "devices import, $rows rows: wall s (median of $runs)" "$k" "$p" "$(calc "$k / $p")" "< 5 s" "$(verdict "$k" '<' 5)"
    result import "devices import: max RSS MB" "$(calc "$(median "$dir/kiemke.time" 4) / 1024")" \
        "$(calc "$(median "$dir/peer.time" 4) / 1024")" "-" "info" "-"

    # A mark while the import holds the write lock: it must succeed, after at most the import's time.
    rm -f "$dir"/k.sqlite*
    "$KIEMKE" devices add PC-01 --kind computer --db "$dir/k.sqlite" >/dev/null
    timeout 600 "$KIEMKE" devices import "$csv" --db "$dir/k.sqlite" --by bench >"$dir/concurrent.out" 2>&1 &
    local import_pid=$! tries=0
    # Wait (at most 10 minutes) until the import holds the write lock, so the mark meets it.
    until ! sqlite3 -cmd ".timeout 0" "$dir/k.sqlite" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; do
        ((++tries < 12000)) && kill -0 "$import_pid" 2>/dev/null || break
        sleep 0.05
    done
    local locked_at=$tries
    measure "$dir/mark" -- timeout 120 "$KIEMKE" mark PC-01 fair --note "during import" --db "$dir/k.sqlite"
    wait "$import_pid"
    ((locked_at < 12000)) || die "import: never saw the import hold the write lock"
    local status
    status=$(awk '{ print $5 }' "$dir/mark.time")
    result import "mark started while the import held the lock: wall s (exit $status)" "$(median "$dir/mark.time" 1)" "-" "-" "exit 0" \
        "$([[ $status == 0 ]] && echo pass || echo "FALLS SHORT")"
}
