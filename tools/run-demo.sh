#!/usr/bin/env bash
# run-demo.sh: the engine of `make run`.
#
#   tools/run-demo.sh [--builddir DIR]
#
# Installs our DLLs into a fresh scratch prefix DIR/prefix-run (nothing is
# written outside the build tree), shows which DLLs run, then runs the bundled
# demos: dupdemo (BCryptDuplicateKey halfway through a CBC stream, into a
# caller buffer, bad handles) and saltdemo (CryptDuplicateKey: one base key,
# duplicates with different salts, a duplicate mid-RC4-stream).
set -euo pipefail

prog=${0##*/}
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
builddir=$script_dir/../build
case "${1:-}" in
    --builddir) builddir=${2:?--builddir needs a directory} ;;
    --builddir=*) builddir=${1#--builddir=} ;;
    "") ;;
    *) sed -n '2,/^set -eu/{/^set -eu/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
builddir=$(cd "$builddir" && pwd)
logdir=$builddir/run-logs
setup_failed() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }
for demo in dupdemo saltdemo; do
    [ -f "$builddir/demo/$demo.exe" ] || setup_failed "$builddir/demo/$demo.exe not built (run make)"
done

. "$script_dir/scratch-prefix.sh"
scratch_prefix run
"$script_dir/install.sh" --builddir "$builddir" verify || setup_failed "our bcrypt.dll is not the one that runs"
for demo in dupdemo saltdemo; do
    echo
    echo "==== $demo ===="
    WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml=' wine "$builddir/demo/$demo.exe" 2> "$logdir/$demo.err" | tr -d '\r'
done
