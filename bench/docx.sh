# Workload "docx": `kiemke report --format docx` over a year of 1,000 devices (target < 1 s),
# end to end (database read, figures, document, WordprocessingML, ZIP, file), section and whole
# document, beside the same report as text and beside LibreOffice writing a DOCX of that text.
# Sourced by bench/run.

run_docx() {
    local dir=$OUT/docx devices=1000 days=365 runs=10 marked=100
    [[ $QUICK == 1 ]] && { days=60; runs=3; marked=20; }
    rm -rf "$dir"; mkdir -p "$dir"
    local db=$dir/kiemke.sqlite config=$BENCH/bench.toml
    log "docx: seeding $devices devices with $days days of rollups"
    timeout 900 "$KBENCH" seed --db "$db" --devices "$devices" --dead-every 50 --history-days "$days" --raw-hours 1 >"$dir/seed.json"
    # Broken and degraded devices with notes, so the document lists $marked of them as well as the table.
    local names i=0 name
    # awk reads the whole list (no early close, so no SIGPIPE under pipefail).
    names=$("$KIEMKE" devices list --db "$db" --config "$config" --format csv | awk -F, -v n="$marked" 'NR > 1 && NR <= n + 1 { print $1 }')
    for name in $names; do
        local condition=broken; (( i % 2 )) && condition=degraded
        timeout 30 "$KIEMKE" mark "$name" "$condition" --note "hỏng bộ nguồn <$i> & chờ thay" --by bench \
            --db "$db" --config "$config" >/dev/null
        i=$((i + 1))
    done

    local today from
    today=$(TZ=Asia/Ho_Chi_Minh date +%F); from=$(TZ=Asia/Ho_Chi_Minh date -d "$today - 364 days" +%F)
    local common="--from $from --to $today --db $db --config $config"
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$dir/docx.json" \
        "$KIEMKE report $common --format docx --output $dir/bao-cao-muc-6.docx" >"$dir/docx.log" 2>&1
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$dir/docx-document.json" \
        "$KIEMKE report $common --format docx --document --output $dir/bao-cao.docx" >>"$dir/docx.log" 2>&1
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$dir/text.json" \
        "$KIEMKE report $common --format text --output $dir/bao-cao-muc-6.txt" >>"$dir/docx.log" 2>&1
    # The peer: LibreOffice headless turning the same text into a DOCX (no formatting of its own).
    local profile=file://$dir/lo-profile
    soffice -env:UserInstallation="$profile" --headless --convert-to docx --outdir "$dir/lo" "$dir/bao-cao-muc-6.txt" >/dev/null 2>&1 || true
    hyperfine -N --warmup 1 --runs 3 --export-json "$dir/lo.json" \
        "soffice -env:UserInstallation=$profile --headless --convert-to docx --outdir $dir/lo $dir/bao-cao-muc-6.txt" \
        >>"$dir/docx.log" 2>&1

    local k d t lo items
    k=$(calc "$(hyperfine_median "$dir/docx.json") * 1000")
    d=$(calc "$(hyperfine_median "$dir/docx-document.json") * 1000")
    t=$(calc "$(hyperfine_median "$dir/text.json") * 1000")
    lo=$(calc "$(hyperfine_median "$dir/lo.json") * 1000")
    items=$(grep -c "^- " "$dir/bao-cao-muc-6.txt" || true)
    result docx "kiemke report --format docx, $days days x $devices devices ($items list items): ms" "$k" "$lo" "$(calc "$k / $lo")" "< 1000 ms" "$(verdict "$k" '<' 1000)"
    result docx "  the same, --document (administrative frame): ms" "$d" "-" "-" "< 1000 ms" "$(verdict "$d" '<' 1000)"
    result docx "  the same report as text: ms" "$t" "-" "$(calc "$k / $t")" "info" "-"
    result docx "  .docx size, KB" "$(calc "$(stat -c %s "$dir/bao-cao-muc-6.docx") / 1024")" "$(calc "$(stat -c %s "$dir"/lo/*.docx) / 1024")" "-" "info" "-"
}
