#!/usr/bin/env bash
# run-tests.sh: the engine of `make check`.
#
#   tools/run-tests.sh [--builddir DIR] [--only NAME] [--no-compare] [--timeout SECONDS]
#
#   --builddir DIR   the build tree (default: ../build next to this script)
#   --only NAME      run only tests/NAME.exe
#   --no-compare     skip the information-only run against Wine's builtin bcrypt, rsaenh and dssenh
#   --timeout S      per test exe, for our DLLs (default 300)
#
# It writes nothing outside the build tree (Wine keeps its server socket in
# /tmp): a pristine prefix is made once in DIR/prefix-pristine (wineboot -i),
# each run copies it to DIR/prefix-check, installs our DLLs there with
# `install.sh --no-system`, proves with `install.sh verify` (whichdll.exe) that
# our DLLs are the ones loaded, then runs every DIR/tests/*.exe.  Logs go to
# DIR/test-logs/NAME.log (stdout) and NAME.err (stderr).
#
# Counting, over the winetest summary lines of all exes:
#   passed = executed - failures
#   failed = failures + 1 for each exe that crashed, timed out, printed no
#            summary line, or exited with a code other than its failure count
# The last line printed is `N passed, N failed`; the exit status is 0 iff
# failed is 0.  The comparison with Wine's builtin DLLs never changes either.
set -euo pipefail

prog=${0##*/}
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WINE=${WINE:-wine}
WINESERVER=${WINESERVER:-wineserver}
TEST_OVERRIDES='mscoree,mshtml='            # never bcrypt, rsaenh or dssenh: the registry must select ours
BUILTIN_OVERRIDES='bcrypt=b;rsaenh=b;dssenh=b;mscoree,mshtml='  # the comparison run: all of Wine's own
COMPARE_TIMEOUT=60

usage() { sed -n '2,/^set -eu/{/^set -eu/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

builddir=""
only=""
compare=yes
timeout_s=300
while [ $# -gt 0 ]; do
    case "$1" in
        --builddir) [ $# -ge 2 ] || { usage >&2; exit 2; }; builddir=$2; shift ;;
        --builddir=*) builddir=${1#--builddir=} ;;
        --only) [ $# -ge 2 ] || { usage >&2; exit 2; }; only=${2%.exe}; shift ;;
        --only=*) only=${1#--only=}; only=${only%.exe} ;;
        --no-compare) compare=no ;;
        --timeout) [ $# -ge 2 ] || { usage >&2; exit 2; }; timeout_s=$2; shift ;;
        -h|--help) usage; exit 0 ;;
        *) printf '%s: unknown argument: %s (try --help)\n' "$prog" "$1" >&2; exit 2 ;;
    esac
    shift
done
case "$timeout_s" in ''|*[!0-9]*) printf '%s: --timeout needs a number of seconds\n' "$prog" >&2; exit 2 ;; esac

builddir=${builddir:-$script_dir/../build}
[ -d "$builddir" ] || { printf '%s: error: build directory %s does not exist (run make)\n' "$prog" "$builddir" >&2; exit 2; }
builddir=$(cd "$builddir" && pwd)
logdir=$builddir/test-logs

say() { printf '%s: %s\n' "$prog" "$*"; }
result() { printf '%d passed, %d failed\n' "$1" "$2"; }
setup_failed() { # the tests could not run at all: say why, count it as one failure
    printf '%s: error: %s\n' "$prog" "$*" >&2
    result 0 1
    exit 1
}
mkdir -p "$logdir"
exec 9> "$builddir/.run-tests.lock"
flock -n 9 || setup_failed "another run-tests.sh is using $builddir"

# ---- the test exes ----------------------------------------------------------
shopt -s nullglob
exes=("$builddir"/tests/*.exe)
shopt -u nullglob
if [ -n "$only" ]; then
    [ -f "$builddir/tests/$only.exe" ] \
        || setup_failed "no $builddir/tests/$only.exe (have: $(cd "$builddir/tests" 2>/dev/null && echo ./*.exe | sed 's|\./||g'))"
    exes=("$builddir/tests/$only.exe")
fi
[ "${#exes[@]}" -gt 0 ] || setup_failed "no test exes in $builddir/tests (run make)"
[ -f "$builddir/tools/whichdll.exe" ] || setup_failed "$builddir/tools/whichdll.exe not built"

# ---- a fresh scratch prefix with our DLLs, and proof that they are what runs -------
. "$script_dir/scratch-prefix.sh"
scratch_prefix check

if ! "$script_dir/install.sh" --builddir "$builddir" verify; then
    printf '%s: error: our DLLs are not loaded and working in %s (see whichdll above): the tests would not test them\n' \
        "$prog" "$WINEPREFIX" >&2
    result 0 1
    exit 1
fi

# From here on the wineserver stays up between exes (killed on exit).
WINEDEBUG=-all "$WINESERVER" -p > /dev/null 2>&1 || true

# ---- helpers ------------------------------------------------------------------
# summary FILE -> "summaries executed todo failures skipped crashes"
summary() {
    awk '
        /^[0-9a-fA-F]+:[^ :]+: [0-9]+ tests executed \(/ {
            line = $0
            sub(/^[0-9a-fA-F]+:[^ :]+: /, "", line)
            n = split(line, v, /[^0-9]+/)     # executed todo [flaky] failures skipped ""
            if (v[n] == "") n--
            s++; e += v[1]; t += v[2]; f += v[n - 1]; k += v[n]
            next
        }
        /^[0-9a-fA-F]+:[^ :]*: unhandled exception / { c++ }
        END { printf "%d %d %d %d %d %d\n", s, e, t, f, k, c }
    ' "$1"
}

# run_exe EXE OVERRIDES TIMEOUT LOG ERR ECHO -> exit code and elapsed seconds in rc, elapsed
run_exe() {
    local start=$SECONDS
    set +e
    if [ "$6" = yes ]; then
        (cd "$logdir" && timeout "$3" env WINEDEBUG=-all WINEDLLOVERRIDES="$2" "$WINE" "$1" 2> "$5") \
            | tr -d '\r' | tee "$4"
    else
        (cd "$logdir" && timeout "$3" env WINEDEBUG=-all WINEDLLOVERRIDES="$2" "$WINE" "$1" 2> "$5") \
            | tr -d '\r' > "$4"
    fi
    rc=${PIPESTATUS[0]}
    set -e
    elapsed=$((SECONDS - start))
}

# judge RC ELAPSED TIMEOUT SUMMARIES FAILURES CRASHES -> abnormal end ("" if none) in verdict
judge() {
    local expect=$5
    [ "$expect" -le 255 ] || expect=255
    verdict=""
    if [ "$1" -eq 124 ] && [ "$2" -ge $(($3 - 1)) ]; then verdict="timed out after $3 s"
    elif [ "$6" -gt 0 ]; then verdict="crashed (unhandled exception)"
    elif [ "$4" -eq 0 ]; then verdict="no summary line (exit $1)"
    elif [ "$1" -ne "$expect" ]; then verdict="exit code $1, but $5 failures reported"
    fi
}

passed=0
failed=0

# ---- host self-tests of the bridge (no Wine): their own "N passed, N failed" ----------
if [ -z "$only" ]; then
    shopt -s nullglob
    for host in "$builddir"/host/*_selftest; do
        name=${host##*/}
        say "running host self-test $name"
        set +e
        "$host" > "$logdir/$name.log" 2>&1
        rc=$?
        set -e
        line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logdir/$name.log" | tail -n 1)
        if [ -z "$line" ]; then
            failed=$((failed + 1))
            say "$name: ABNORMAL END (exit $rc, no result line; see $logdir/$name.log)"
            continue
        fi
        read -r h_pass _ h_fail _ <<< "$line"
        [ "$rc" -eq 0 ] || [ "$h_fail" -gt 0 ] || h_fail=1
        passed=$((passed + h_pass)) failed=$((failed + h_fail))
        grep -E 'FAIL' "$logdir/$name.log" | head -n 20 || true
        say "$name: $h_pass passed, $h_fail failed (host self-test)"
    done
    shopt -u nullglob
fi

# ---- our DLLs -----------------------------------------------------------------
declare -A ours_row=()
for exe in "${exes[@]}"; do
    name=${exe##*/}
    name=${name%.exe}
    say "running $name.exe (timeout ${timeout_s} s)"
    run_exe "$exe" "$TEST_OVERRIDES" "$timeout_s" "$logdir/$name.log" "$logdir/$name.err" yes
    read -r nsum exec todo fail skip crash < <(summary "$logdir/$name.log")
    judge "$rc" "$elapsed" "$timeout_s" "$nsum" "$fail" "$crash"
    passed=$((passed + exec - fail))
    failed=$((failed + fail))
    if [ -n "$verdict" ]; then
        failed=$((failed + 1))
        say "$name.exe: ABNORMAL END: $verdict; counted as 1 more failure (stderr: $logdir/$name.err)"
    fi
    say "$name.exe: $exec executed, $todo todo, $fail failures, $skip skipped, exit $rc, ${elapsed} s"
    crashed=no
    [ -z "$verdict" ] || crashed=yes
    ours_row[$name]="$exec $todo $fail $crashed"
done

# ---- information only: the same exes on Wine's builtin bcrypt, rsaenh and dssenh ------
if [ "$compare" = yes ]; then
    {
        echo
        echo "Comparison: Wine's builtin bcrypt, rsaenh and dssenh (information only)"
        printf '%-24s | %-35s | %s\n' "" "ours" "Wine builtin"
        printf '%-24s | %8s %8s %8s %8s | %8s %8s %8s %8s\n' test executed todo failures crashed \
            executed todo failures crashed
        b_ok=0 b_todo=0 b_fail=0
        for exe in "${exes[@]}"; do
            name=${exe##*/}
            name=${name%.exe}
            run_exe "$exe" "$BUILTIN_OVERRIDES" "$COMPARE_TIMEOUT" "$logdir/$name.builtin.log" \
                "$logdir/$name.builtin.err" no
            read -r nsum exec todo fail skip crash < <(summary "$logdir/$name.builtin.log")
            judge "$rc" "$elapsed" "$COMPARE_TIMEOUT" "$nsum" "$fail" "$crash"
            crashed=no
            [ -z "$verdict" ] || crashed=yes
            read -r o_exec o_todo o_fail o_crash <<< "${ours_row[$name]}"
            printf '%-24s | %8s %8s %8s %8s | %8s %8s %8s %8s\n' "$name" \
                "$o_exec" "$o_todo" "$o_fail" "$o_crash" "$exec" "$todo" "$fail" "$crashed"
            b_ok=$((b_ok + exec - fail)) b_todo=$((b_todo + todo)) b_fail=$((b_fail + fail))
        done
        echo "builtin: $b_ok ok, $b_todo todo, $b_fail failures (logs: $logdir/*.builtin.log)"
        echo
    } || say "(the comparison run itself failed; ignored)"
fi

result "$passed" "$failed"
[ "$failed" -eq 0 ]
