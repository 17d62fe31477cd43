#!/usr/bin/env bash
# bench/run.sh: speed and memory of our bcrypt.dll against raw GnuTLS/nettle and
# Wine's builtin bcrypt, all measured in this one run.
#
#   bench/run.sh [--builddir DIR] [--rounds N] [--quick]
#
#   --builddir DIR  where `make` put bcrypt.dll, cryptbridge.dll/.so (default: build)
#   --rounds N      run raw, ours and builtin N times each, interleaved, and keep
#                   each metric's best (default 3: this VM is noisy)
#   --quick         shorter repetitions, 1 round (a smoke test, not a measurement)
#
# What it does:
#   1. compiles bench/raw_bench.c (host gcc) and bench/cng_bench.c (MinGW) into DIR/bench/;
#   2. makes the scratch prefix DIR/prefix-bench and installs our DLLs there with
#      tools/scratch-prefix.sh (install.sh --no-system; WINEDLLPATH exported);
#   3. runs raw_bench, cng_bench.exe against ours (the prefix's native,builtin
#      override) and against Wine's builtin (bcrypt=b), checking each run loaded
#      the bcrypt.dll it should;
#   4. prints the table and writes it to DIR/bench/results.txt (the merged
#      `bench` lines go to DIR/bench/results.tsv, stderr of every run to DIR/bench/logs/).
# Nothing is written outside DIR.  Values: MB/s = 10^6 bytes/s, higher is better;
# ns/op lower is better; the ratio columns divide the values as they stand.
#
# Exit status: 0 when every run produced results from the right DLL, 1 otherwise,
# 2 on a usage error.
set -euo pipefail

prog=${0##*/}
srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=build
rounds=3
quick=

usage() { sed -n '2,/^set -e/{/^set -e/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case $1 in
        --builddir) [ $# -ge 2 ] || { usage >&2; exit 2; }; builddir=$2; shift 2 ;;
        --builddir=*) builddir=${1#*=}; shift ;;
        --rounds) [ $# -ge 2 ] || { usage >&2; exit 2; }; rounds=$2; shift 2 ;;
        --rounds=*) rounds=${1#*=}; shift ;;
        --quick) quick=quick; rounds=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
case $rounds in ''|*[!0-9]*|0) echo "$prog: --rounds needs a positive number" >&2; exit 2 ;; esac

# --builddir is relative to where we were called from (make's directory)
[ -d "$builddir" ] || die "no build directory $builddir (run make first)"
B=$(cd "$builddir" && pwd)
cd "$srcdir"
for f in bcrypt.dll cryptbridge.dll cryptbridge.so; do
    [ -f "$B/$f" ] || die "$B/$f is missing (run make first)"
done

OUT=$B/bench
LOGS=$OUT/logs
mkdir -p "$OUT" "$LOGS"
rm -f "$LOGS"/*.out "$LOGS"/*.err

# ---- 1. build ------------------------------------------------------------------
echo "$prog: building bench programs in $OUT" >&2
gnutls_flags=$(pkg-config --cflags --libs gnutls nettle 2>/dev/null || echo "-lgnutls -lnettle")
# shellcheck disable=SC2086  # pkg-config output is a word list
gcc -O2 -Wall -Wextra -o "$OUT/raw_bench" bench/raw_bench.c $gnutls_flags
x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Wno-missing-field-initializers -Iinclude \
    -o "$OUT/cng_bench.exe" bench/cng_bench.c -lbcrypt -lpsapi

# ---- 2. prefix: a fresh scratch prefix with our DLLs installed (tools/scratch-prefix.sh) ----
builddir=$B logdir=$LOGS script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../tools" && pwd)
setup_failed() { die "$*"; }
. "$script_dir/scratch-prefix.sh"
scratch_prefix bench > "$LOGS/prefix.log"
export WINEDEBUG=-all

# ---- 3. run ----------------------------------------------------------------------
# Each run: stdout -> $LOGS/<impl>.<round>.out, stderr -> .err.  A run that fails
# or hangs leaves what it printed; missing metrics show as "-".
run_one() {  # impl round
    local impl=$1 r=$2 out=$LOGS/$1.$2.out err=$LOGS/$1.$2.err rc=0
    case $impl in
        raw) timeout 120 "$OUT/raw_bench" $quick >"$out" 2>"$err" || rc=$? ;;
        ours) (cd "$OUT" && WINEDLLOVERRIDES='mscoree,mshtml=' \
                  timeout 120 wine cng_bench.exe $quick) >"$out" 2>"$err" || rc=$? ;;
        builtin) (cd "$OUT" && WINEDLLOVERRIDES='bcrypt=b;mscoree,mshtml=' \
                  timeout 120 wine cng_bench.exe $quick) >"$out" 2>"$err" || rc=$? ;;
    esac
    [ $rc -eq 0 ] || echo "$prog: warning: $impl run $r exited with $rc (see $err)" >&2
    grep -q '^info done' "$out" || echo "$prog: warning: $impl run $r did not finish" >&2
}

load_start=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
status=0
impls=(raw ours builtin)
start=$SECONDS
for ((r = 1; r <= rounds; r++)); do
    echo "$prog: round $r/$rounds" >&2
    for ((i = 0; i < 3; i++)); do
        run_one "${impls[(i + r - 1) % 3]}" "$r"   # rotate the order each round
    done
done

# each Windows run must have loaded the bcrypt.dll it was meant to
for impl in ours builtin; do
    want=native; [ $impl = builtin ] && want=builtin
    for f in "$LOGS/$impl".*.out; do
        got=$(awk '$1 == "info" && $2 == "bcrypt" { print $3 }' "$f")
        if [ "$got" != "$want" ]; then
            echo "$prog: error: $(basename "$f"): loaded a '${got:-no}' bcrypt.dll, expected $want" >&2
            status=1
        fi
    done
done
if [ -n "$(ls "$LOGS"/*.out 2>/dev/null)" ] && ! grep -q '^info done' "$LOGS"/*.out; then status=1; fi

# ---- 4. table --------------------------------------------------------------------
# Merge rounds: MB/s -> max, ns/op -> min, KiB -> max (worst case for leak checks),
# anything else -> last.  "n/a STATUS" only when no round gave a number.
for impl in "${impls[@]}"; do
    for f in "$LOGS/$impl".*.out; do
        [ -f "$f" ] && tr -d '\r' < "$f" | awk -v impl="$impl" '$1 == "bench" && NF >= 4 { print impl, $2, $3, $4 }'
    done
done | awk '
    { key = $1 SUBSEP $2
      if (!($2 in order)) { order[$2] = ++n; names[n] = $2 }
      if ($3 == "n/a") { if (!(key in val)) { na[key] = $4 } ; next }
      unit[$2] = $4
      if (!(key in val)) { val[key] = $3 + 0; next }
      v = $3 + 0
      if ($4 == "MB/s" || $4 == "KiB") { if (v > val[key]) val[key] = v }
      else if ($4 == "ns/op") { if (v < val[key]) val[key] = v }
      else val[key] = v }
    function num(v,   a) {
      a = v < 0 ? -v : v
      if (a >= 100 || a == int(a)) return sprintf("%.0f", v)
      if (a >= 10) return sprintf("%.1f", v)
      return sprintf("%.2f", v) }
    function cell(impl, m,   key) {
      key = impl SUBSEP m
      if (key in val) return num(val[key])
      if (key in na) return "n/a(" na[key] ")"
      return "-" }
    function ratio(a, b, m,   ka, kb) {
      ka = a SUBSEP m; kb = b SUBSEP m
      if (!(ka in val) || !(kb in val) || val[kb] == 0) return "-"
      return sprintf("%.2f", val[ka] / val[kb]) }
    END {
      fmt = "%-30s %-6s %12s %12s %12s %9s %12s\n"
      printf fmt, "metric", "unit", "raw", "ours", "builtin", "ours/raw", "ours/builtin"
      for (i = 1; i <= n; i++) {
        m = names[i]
        printf fmt, m, (m in unit) ? unit[m] : "", cell("raw", m), cell("ours", m), cell("builtin", m),
               ratio("ours", "raw", m), ratio("ours", "builtin", m)
        printf "%s\t%s\t%s\t%s\t%s\n", m, (m in unit) ? unit[m] : "", cell("raw", m), cell("ours", m),
               cell("builtin", m) > tsv
      } }' tsv="$OUT/results.tsv" >"$OUT/results.txt"

{
    echo
    echo "bench: raw = GnuTLS/nettle called directly (Linux), ours = our bcrypt.dll, builtin = Wine's;"
    echo "best of $rounds interleaved round(s); $(nproc) CPUs; $((SECONDS - start)) s of runs;"
    echo "load average before/after: $load_start/$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')" \
         "(other work on the machine skews serial numbers such as CBC encrypt)."
    echo "MB/s (10^6 B/s): higher is better.  ns/op: lower is better.  Ratios divide the values."
    echo "Raw rows that have no single-call equivalent: dupkey_* = copy a nettle aes256_ctx (+ CBC"
    echo "16 bytes); genkey_* = gnutls_cipher_init+deinit (+ 16 bytes); objlen_* = nettle ctx sizes."
    echo "mem_dup10k_*: growth with 10000 live duplicated AES keys (NULL/0 buffers, each used once),"
    echo "and what remains after destroying them (should be ~0).  private = PrivateUsage, or Wine's"
    echo "PagefileUsage (anonymous RSS) when Wine reports 0; heap = busy bytes of the process heap."
    echo
    cat "$OUT/results.txt"
}
echo "$prog: table also in $OUT/results.txt; raw output and stderr in $LOGS" >&2

# let the prefix's wineserver go away now rather than linger
wineserver -w 2>/dev/null || true
exit $status
