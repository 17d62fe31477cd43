# scratch-prefix.sh: sourced by run-tests.sh, run-demo.sh and bench/run.sh.
#
#   scratch_prefix NAME
#
# Makes $builddir/prefix-NAME a fresh copy of the pristine prefix
# $builddir/prefix-pristine (created once with wineboot -i, rebuilt when the
# Wine version changes), installs our DLLs into it with
# `install.sh --no-system` (nothing is written outside the build tree), and
# exports WINEPREFIX and WINEDLLPATH for it.  Needs: builddir, logdir,
# script_dir (the tools/ directory), and a function setup_failed MESSAGE.
# It kills the prefix's wineserver on exit.

scratch_server_kill() { WINEPREFIX=$1 "${WINESERVER:-wineserver}" -k > /dev/null 2>&1 || true; }

scratch_pristine() {
    local pristine=$builddir/prefix-pristine wine_version
    wine_version=$("${WINE:-wine}" --version 2> /dev/null) || setup_failed "'wine --version' failed: is wine installed?"
    [ -f "$pristine/system.reg" ] && [ "$(cat "$pristine/.wine-version" 2> /dev/null)" = "$wine_version" ] && return 0
    echo "${prog:-scratch-prefix}: creating the pristine prefix $pristine ($wine_version, wineboot -i; once)"
    scratch_server_kill "$pristine.tmp"
    rm -rf -- "$pristine" "$pristine.tmp"
    if ! WINEPREFIX=$pristine.tmp WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d" \
            "${WINEBOOT:-wineboot}" -i > "$logdir/wineboot.log" 2>&1; then
        cat "$logdir/wineboot.log" >&2
        setup_failed "wineboot -i failed"
    fi
    WINEPREFIX=$pristine.tmp "${WINESERVER:-wineserver}" -w || true
    [ -f "$pristine.tmp/system.reg" ] || setup_failed "wineboot -i made no system.reg (see $logdir/wineboot.log)"
    printf '%s\n' "$wine_version" > "$pristine.tmp/.wine-version"
    mv -- "$pristine.tmp" "$pristine"
}

scratch_prefix() {
    local prefix=$builddir/prefix-$1 unix_dir
    mkdir -p "$logdir"
    scratch_pristine
    scratch_server_kill "$prefix"
    rm -rf -- "$prefix"
    cp -a -- "$builddir/prefix-pristine" "$prefix"
    export WINEPREFIX=$prefix
    trap 'scratch_server_kill "$WINEPREFIX"' EXIT

    echo "${prog:-scratch-prefix}: installing our DLLs into $prefix"
    "$script_dir/install.sh" --no-system --builddir "$builddir" install > "$logdir/install-$1.log" 2>&1 \
        || { cat "$logdir/install-$1.log" >&2; setup_failed "install.sh install failed (log above)"; }
    export WINEDLLPATH="$prefix/cryptbridge${WINEDLLPATH:+:$WINEDLLPATH}"

    # Wine searches its own dll directories before WINEDLLPATH: a different
    # system-wide bridge would be the one that runs.
    unix_dir=/usr/lib/x86_64-linux-gnu/wine/x86_64-unix
    [ -f "$unix_dir/ntdll.so" ] \
        || unix_dir=$(dirname "$(find /usr/lib -path '*x86_64-unix/ntdll.so' -print -quit 2> /dev/null || echo /nonexistent/x)")
    if [ -f "$unix_dir/cryptbridge.so" ] && ! cmp -s "$unix_dir/cryptbridge.so" "$builddir/cryptbridge.so"; then
        setup_failed "$unix_dir/cryptbridge.so (a system-wide install) differs from this build's, and Wine would load it instead; run 'tools/install.sh install' as root again, or 'tools/install.sh uninstall'"
    fi
}
