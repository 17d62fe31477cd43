#!/usr/bin/env bash
# install.sh: put our drop-in DLLs into a Wine prefix, take them out again,
# or check which copy really runs.
#
#   WINEPREFIX=/path/to/prefix tools/install.sh [options] install|uninstall|verify
#
#   --builddir DIR   where bcrypt.dll, rsaenh.dll, dssenh.dll, cryptbridge.dll/.so and tools/whichdll.exe
#                    are (default: ../build next to this script)
#   --no-system      never write outside the prefix, even as root: the bridge
#                    goes to $WINEPREFIX/cryptbridge and you must export
#                    WINEDLLPATH (the exact line is printed)
#   --create         install only: create the prefix (wineboot -i) if missing
#   -h, --help       this text
#
# What install does, step by step (each step is printed):
#   1. copies each DLL in DLLS to $WINEPREFIX/drive_c/windows/system32, keeping
#      a file that is not ours as <dll>.old (once: an existing .old is kept);
#   2. copies the bridge PE (cryptbridge.dll) to system32 too, so a file of
#      that name is on the normal DLL search path;
#   3. places the bridge where Wine finds builtin modules:
#        as root (no --no-system): Wine's own dll directories, shared by every
#        prefix on this machine, so a plain `wine app.exe` works;
#        otherwise: $WINEPREFIX/cryptbridge/, plus `export WINEDLLPATH=...`;
#   4. copies whichdll.exe to $WINEPREFIX/cryptbridge/ (used by verify);
#   5. sets HKCU\Software\Wine\DllOverrides <dll> = native,builtin for each DLL
#      copied (native,builtin, not native: 32-bit programs in a WoW64 prefix
#      still need Wine's builtin until we ship a 32-bit build).
# Every change is recorded in $WINEPREFIX/cryptbridge/install.log, which
# uninstall reads to undo exactly that.  The system-wide bridge files are
# shared: uninstalling from one prefix removes them for all prefixes that
# were installed system-wide (reinstall in those, or use --no-system there).
#
# Exit status: 0 on success, 1 on any failure (including a partial install:
# run uninstall to undo what the log records), 2 on a usage error.
set -Eeuo pipefail   # -E: the ERR trap also fires inside functions

# ---- what we ship ----------------------------------------------------------
DLLS=(bcrypt rsaenh dssenh)   # native drop-ins (CNG, the RSA and the DSS/DH CryptoAPI CSPs)
BRIDGE=cryptbridge            # builtin bridge: $BRIDGE.dll (PE) + $BRIDGE.so (unix)
MARKER=winecng-dropin         # in our DLLs' VERSIONINFO ProductName
OVERRIDE=native,builtin
VERIFY_EXE=whichdll.exe

# ---- environment for every wine call ---------------------------------------
WINE=${WINE:-wine}
WINESERVER=${WINESERVER:-wineserver}
WINE_ENV=(env WINEDEBUG=-all "WINEDLLOVERRIDES=mscoree,mshtml=;winemenubuilder.exe=d")
OVERRIDES_KEY='HKCU\Software\Wine\DllOverrides'

prog=${0##*/}
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

say()  { printf '%s: %s\n' "$prog" "$*"; }
warn() { printf '%s: warning: %s\n' "$prog" "$*" >&2; }
die()  { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }
usage() {
    sed -n '2,/^set -E/{/^set -E/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

# ---- options ----------------------------------------------------------------
builddir=""
no_system=no
create=no
action=""
while [ $# -gt 0 ]; do
    case "$1" in
        --builddir) [ $# -ge 2 ] || { usage >&2; exit 2; }; builddir=$2; shift ;;
        --builddir=*) builddir=${1#--builddir=} ;;
        --no-system) no_system=yes ;;
        --create) create=yes ;;
        -h|--help) usage; exit 0 ;;
        install|uninstall|verify)
            [ -z "$action" ] || { printf '%s: more than one action\n' "$prog" >&2; exit 2; }
            action=$1 ;;
        *) printf '%s: unknown argument: %s\n' "$prog" "$1" >&2
           printf 'usage: %s [--builddir DIR] [--no-system] [--create] install|uninstall|verify\n' "$prog" >&2
           exit 2 ;;
    esac
    shift
done
if [ -z "$action" ]; then
    printf 'usage: %s [--builddir DIR] [--no-system] [--create] install|uninstall|verify\n' "$prog" >&2
    exit 2
fi
[ "$create" = no ] || [ "$action" = install ] || die "--create only goes with install"

builddir=${builddir:-$script_dir/../build}
if [ -d "$builddir" ]; then builddir=$(cd "$builddir" && pwd); fi

# ---- the prefix -------------------------------------------------------------
[ -n "${WINEPREFIX:-}" ] || die "WINEPREFIX is not set (e.g. WINEPREFIX=\$HOME/.wine $prog $action)"
case "$WINEPREFIX" in /*) ;; *) WINEPREFIX=$PWD/$WINEPREFIX ;; esac
WINEPREFIX=${WINEPREFIX%/}
export WINEPREFIX

wine_run() { "${WINE_ENV[@]}" "$WINE" "$@"; }
server_wait() {
    # Registry edits reach system.reg/user.reg when the wineserver exits.
    local rc=0
    timeout 120 "${WINE_ENV[@]}" "$WINESERVER" -w || rc=$?
    if [ "$rc" -eq 124 ]; then
        warn "wineserver for $WINEPREFIX still running after 120 s (a program is open?);" \
             "the registry change is made and will be saved when it exits"
    elif [ "$rc" -ne 0 ]; then
        warn "'$WINESERVER -w' failed (exit $rc)"
    fi
}

if [ ! -f "$WINEPREFIX/system.reg" ]; then
    if [ "$create" = yes ]; then
        if [ -d "$WINEPREFIX" ] && [ -n "$(ls -A -- "$WINEPREFIX")" ]; then
            die "$WINEPREFIX exists, is not empty and is not a Wine prefix: refusing to create one there"
        fi
        say "creating prefix $WINEPREFIX (wineboot -i)"
        "${WINE_ENV[@]}" wineboot -i || die "wineboot -i failed for $WINEPREFIX"
        server_wait
        [ -f "$WINEPREFIX/system.reg" ] || die "wineboot did not create $WINEPREFIX/system.reg"
    else
        die "$WINEPREFIX is not a Wine prefix (no system.reg); check the path, or use 'install --create'"
    fi
fi
grep -q '^#arch=win64' "$WINEPREFIX/system.reg" \
    || die "$WINEPREFIX is not a 64-bit prefix (system.reg lacks #arch=win64); our DLLs are 64-bit only"

system32=$WINEPREFIX/drive_c/windows/system32
[ -d "$system32" ] || die "$system32 does not exist"
state_dir=$WINEPREFIX/cryptbridge
log=$state_dir/install.log

# Wine's own dll directories (the builtin search path), found next to ntdll.so.
wine_unix_dir() {
    local so=/usr/lib/x86_64-linux-gnu/wine/x86_64-unix/ntdll.so
    [ -f "$so" ] || so=$(find /usr/lib /usr/lib64 /usr/local/lib /opt -path '*x86_64-unix/ntdll.so' -print -quit 2>/dev/null || true)
    [ -n "$so" ] && dirname "$so"
}

# ---- helpers ----------------------------------------------------------------
is_ours() {
    # Our marker, as ASCII or as the UTF-16 of a VERSIONINFO string.
    # (no grep -q: with pipefail, tr could die of SIGPIPE and turn a match into a failure)
    [ -f "$1" ] && LC_ALL=C tr -d '\000' < "$1" | grep -a -- "$MARKER" > /dev/null
}
in_list() { # in_list WORD LIST...
    local w=$1 x
    shift
    for x in "$@"; do [ "$x" = "$w" ] && return 0; done
    return 1
}
is_builtin_pe() {
    [ -f "$1" ] && [ "$(dd if="$1" bs=1 skip=64 count=16 2>/dev/null | LC_ALL=C tr -d '\000')" = "Wine builtin DLL" ]
}
copy_file() { # copy_file SRC DEST: atomic replace, so a running program keeps its old mapping
    local tmp
    tmp="$(dirname "$2")/.${2##*/}.tmp.$$"
    if ! { cp -f -- "$1" "$tmp" && chmod 0644 -- "$tmp" && mv -f -- "$tmp" "$2"; }; then
        rm -f -- "$tmp"
        printf '%s: error: cannot copy %s to %s\n' "$prog" "$1" "$2" >&2
        return 1
    fi
    say "  copied $1 -> $2"
}
log_add() { # log_add TYPE ARGS...: one tab-separated record, each only once
    local line
    line=$(IFS=$'\t'; printf '%s' "$*")
    mkdir -p -- "$state_dir"
    if [ ! -f "$log" ]; then
        printf '# %s install log for %s: one record per line, read by "%s uninstall"\n' \
            "$MARKER" "$WINEPREFIX" "$prog" > "$log"
    fi
    grep -qxF -- "$line" "$log" || printf '%s\n' "$line" >> "$log"
}
log_get() { # log_get TYPE: the records of that type, without the type field
    [ -f "$log" ] || return 0
    awk -F'\t' -v t="$1" '$1 == t { sub(/^[^\t]*\t/, ""); print }' "$log"
}
reg_query_override() { # prints the current override of $1 (nothing if none); fails if wine can't
    local out
    if ! out=$(wine_run reg query "$OVERRIDES_KEY" 2>/dev/null); then
        # a prefix may lack the key; but then wine must still read the registry
        wine_run reg query 'HKCU\Software\Wine' > /dev/null 2>&1 || return 1
        return 0
    fi
    printf '%s\n' "$out" | tr -d '\r' \
        | awk -v n="$1" 'tolower($1) == tolower(n) && $2 ~ /^REG_/ { print $3 }'
}
no_registry() { die "wine cannot read the registry of $WINEPREFIX (see the message above)"; }

failed_step=""
on_error() {
    printf '%s: FAILED during: %s\n' "$prog" "${failed_step:-?}" >&2
    if [ "$action" = install ] && [ -f "$log" ]; then
        printf '%s: the prefix may be partly installed; "%s uninstall" undoes what %s records\n' \
            "$prog" "$prog" "$log" >&2
    fi
}
trap 'on_error' ERR
step() { failed_step=$*; say "$*"; }

# ---- install ----------------------------------------------------------------
do_install() {
    local dll src dest prev sysmode unix_dir win_dir f
    local -a copied=()

    say "prefix $WINEPREFIX, build directory $builddir"
    step "checking the build"
    for dll in "${DLLS[@]}"; do
        src=$builddir/$dll.dll
        [ -f "$src" ] || die "$src not found (run make, or pass --builddir)"
        is_ours "$src" || die "$src does not carry '$MARKER': not our build"
        ! is_builtin_pe "$src" || die "$src is builtin-marked; a native override would fail to load it"
    done
    for f in "$BRIDGE.dll" "$BRIDGE.so"; do
        [ -f "$builddir/$f" ] || die "$builddir/$f not found (run make, or pass --builddir)"
    done
    is_builtin_pe "$builddir/$BRIDGE.dll" \
        || die "$builddir/$BRIDGE.dll is not builtin-marked (winebuild --builtin); it could not load its unix library"

    sysmode=no
    if [ "$(id -u)" = 0 ] && [ "$no_system" = no ]; then
        sysmode=yes
        unix_dir=$(wine_unix_dir) || die "cannot find Wine's x86_64-unix directory (no ntdll.so under /usr/lib)"
        win_dir=$(dirname "$unix_dir")/x86_64-windows
        [ -d "$win_dir" ] || die "$win_dir does not exist"
    fi
    mkdir -p -- "$state_dir"

    for dll in "${DLLS[@]}"; do
        dest=$system32/$dll.dll
        step "installing $dll.dll into system32"
        if [ -e "$dest" ] && ! is_ours "$dest"; then
            if [ -e "$dest.old" ]; then
                say "  keeping the older backup $dest.old; not backing up the current $dll.dll"
                is_builtin_pe "$dest" || cmp -s -- "$dest" "$dest.old" \
                    || warn "the $dest being replaced is neither Wine's nor ours, and differs from $dest.old: it is lost"
            else
                mv -- "$dest" "$dest.old"
                say "  backed up $dest -> $dest.old"
            fi
        fi
        copy_file "$builddir/$dll.dll" "$dest"
        log_add dll "$dest"
        copied+=("$dll")
    done

    step "installing $BRIDGE.dll into system32 (so the name is on the DLL search path)"
    copy_file "$builddir/$BRIDGE.dll" "$system32/$BRIDGE.dll"
    log_add file "$system32/$BRIDGE.dll"

    if [ "$sysmode" = yes ]; then
        step "placing the bridge in Wine's dll directories (system-wide, shared by all prefixes)"
        copy_file "$builddir/$BRIDGE.dll" "$win_dir/$BRIDGE.dll"
        log_add system "$win_dir/$BRIDGE.dll"
        copy_file "$builddir/$BRIDGE.so" "$unix_dir/$BRIDGE.so"
        log_add system "$unix_dir/$BRIDGE.so"
        # a prefix-local bridge from an earlier --no-system install is now stale
        for f in "$BRIDGE.dll" "$BRIDGE.so"; do
            if [ -e "$state_dir/$f" ]; then rm -f -- "$state_dir/$f"; say "  removed stale $state_dir/$f"; fi
        done
        log_add bridge system
    else
        step "placing the bridge in $state_dir (prefix-local; needs WINEDLLPATH)"
        copy_file "$builddir/$BRIDGE.dll" "$state_dir/$BRIDGE.dll"
        log_add file "$state_dir/$BRIDGE.dll"
        copy_file "$builddir/$BRIDGE.so" "$state_dir/$BRIDGE.so"
        log_add file "$state_dir/$BRIDGE.so"
        log_add bridge local
        if unix_dir=$(wine_unix_dir) && [ -e "$unix_dir/$BRIDGE.so" ] \
            && ! cmp -s "$unix_dir/$BRIDGE.so" "$builddir/$BRIDGE.so"; then
            warn "a different system-wide $unix_dir/$BRIDGE.so exists; Wine searches its own" \
                 "directory before WINEDLLPATH, so that one will be used. Remove it or reinstall as root."
        fi
    fi

    if [ -f "$builddir/tools/$VERIFY_EXE" ]; then
        step "copying $VERIFY_EXE into $state_dir (for verify)"
        copy_file "$builddir/tools/$VERIFY_EXE" "$state_dir/$VERIFY_EXE"
        log_add file "$state_dir/$VERIFY_EXE"
    else
        warn "$builddir/tools/$VERIFY_EXE not found; verify will need the build tree"
    fi

    for dll in "${copied[@]}"; do
        step "setting DllOverride $dll=$OVERRIDE"
        prev=$(reg_query_override "$dll") || no_registry
        if [ -z "$(log_get override | awk -F'\t' -v n="$dll" '$1 == n')" ]; then
            # remember what was there before our first install, to restore it
            log_add override "$dll" "${prev:--}"
        fi
        if [ "$prev" = "$OVERRIDE" ]; then
            say "  already set"
        else
            wine_run reg add "$OVERRIDES_KEY" /v "$dll" /d "$OVERRIDE" /f >/dev/null
            say "  set $OVERRIDES_KEY\\$dll = $OVERRIDE${prev:+ (was $prev)}"
        fi
    done
    server_wait
    failed_step=""

    say "installed ${DLLS[*]} into $WINEPREFIX (log: $log)"
    if [ "$sysmode" = yes ]; then
        say "the bridge is system-wide: run programs with just WINEPREFIX=$WINEPREFIX wine app.exe"
    else
        say "the bridge is prefix-local: before running wine in this prefix, run"
        # single quotes on purpose: the user's shell expands this line
        # shellcheck disable=SC2016
        printf 'export WINEDLLPATH="%s${WINEDLLPATH:+:$WINEDLLPATH}"\n' "$state_dir"
    fi
    say "check it with: WINEPREFIX=$WINEPREFIX $0 verify"
    # Keep this in step with README.md's "Not implemented yet".
    # Keep these in step with README.md's "Not implemented yet".
    say "note: bcrypt.dll, rsaenh.dll and dssenh.dll go together: Wine's own dssenh duplicates DSS keys"
    say "      through BCryptDuplicateKey, which our bcrypt refuses for asymmetric keys as Windows does."
    say "note: not implemented yet (Windows error codes): bcrypt's provider-registration exports, chained CCM;"
    say "      in the CSPs encrypted PRIVATEKEYBLOBs, SIMPLEBLOB in the DSS providers, X.931 signatures,"
    say "      the Schannel master keys. See README.md."
}

# ---- uninstall --------------------------------------------------------------
do_uninstall() {
    local dest dll prev path name cur work=no failures=0
    local -a dll_paths=() files=() sysfiles=() ovr=() kept=()

    if [ -f "$log" ]; then
        mapfile -t dll_paths < <(log_get dll)
        mapfile -t files < <(log_get file)
        mapfile -t sysfiles < <(log_get system)
        mapfile -t ovr < <(log_get override)
    fi
    # Without a log (lost, or an install that died early), still find our DLLs.
    for dll in "${DLLS[@]}"; do
        dest=$system32/$dll.dll
        if is_ours "$dest" && ! in_list "$dest" "${dll_paths[@]}"; then
            dll_paths+=("$dest")
            ovr+=("$dll"$'\t'-)
        fi
    done
    if [ ! -f "$log" ] && [ -e "$system32/$BRIDGE.dll" ]; then files+=("$system32/$BRIDGE.dll"); fi

    # the registry first: if wine cannot run, nothing has changed yet
    for path in "${ovr[@]}"; do
        name=${path%%$'\t'*}
        prev=${path#*$'\t'}
        cur=$(reg_query_override "$name") || no_registry
        if [ "$prev" != "-" ] && [ "$prev" != "$OVERRIDE" ]; then
            [ "$cur" = "$prev" ] && continue
            step "restoring DllOverride $name=$prev (its value before our install)"
            wine_run reg add "$OVERRIDES_KEY" /v "$name" /d "$prev" /f >/dev/null
            work=yes
        elif [ -n "$cur" ] && [ "$cur" != "$OVERRIDE" ]; then
            warn "DllOverride $name is now '$cur', not ours ($OVERRIDE): leaving it"
        elif [ -n "$cur" ]; then
            step "deleting DllOverride $name (was $cur)"
            if ! wine_run reg delete "$OVERRIDES_KEY" /v "$name" /f >/dev/null 2>&1; then
                warn "reg delete of $OVERRIDES_KEY\\$name failed"
                failures=$((failures + 1))
            elif ! cur=$(reg_query_override "$name") || [ -n "$cur" ]; then
                warn "$OVERRIDES_KEY\\$name is still set after reg delete"
                failures=$((failures + 1))
            fi
            work=yes
        fi
    done
    for dest in "${dll_paths[@]}"; do
        if [ -e "$dest" ] && ! is_ours "$dest"; then
            # no .old: an earlier uninstall already restored it
            [ ! -e "$dest.old" ] || warn "$dest is no longer ours (replaced since install?): leaving it and $dest.old alone"
            continue
        fi
        if [ -e "$dest.old" ]; then
            step "restoring $dest.old -> ${dest##*/}"
            mv -f -- "$dest.old" "$dest"
            work=yes
        elif [ -e "$dest" ]; then
            step "removing $dest (there was no earlier file)"
            rm -f -- "$dest"
            work=yes
        fi
    done
    for path in "${files[@]}"; do
        if [ -e "$path" ]; then
            step "removing $path"
            rm -f -- "$path"
            work=yes
        fi
    done
    for path in "${sysfiles[@]}"; do
        [ -e "$path" ] || continue
        if [ "$no_system" = yes ] || [ "$(id -u)" != 0 ]; then
            warn "leaving system-wide $path (shared by all prefixes); 'uninstall' as root without --no-system removes it"
            kept+=("$path")
            continue
        fi
        step "removing system-wide $path (shared: other system-wide installs lose their bridge too)"
        rm -f -- "$path"
        work=yes
    done

    [ "$work" = no ] || server_wait

    if [ "$failures" -gt 0 ]; then
        failed_step="uninstall"
        die "$failures step(s) failed; the log $log is kept"
    fi
    if [ "${#kept[@]}" -gt 0 ]; then
        # forget what is undone, remember the system-wide files still there
        rm -f -- "$log"
        for path in "${kept[@]}"; do log_add system "$path"; done
        say "kept $log: it still lists the system-wide bridge files"
    elif [ -e "$log" ]; then
        rm -f -- "$log"
        work=yes
    fi
    rmdir -- "$state_dir" 2>/dev/null || true
    failed_step=""
    if [ "$work" = no ]; then
        say "nothing to do: ${DLLS[*]} not installed in $WINEPREFIX"
    else
        say "uninstalled from $WINEPREFIX"
    fi
}

# ---- verify -----------------------------------------------------------------
do_verify() {
    local exe dllpath rc=0
    local -a names=()

    if [ -f "$builddir/tools/$VERIFY_EXE" ]; then exe=$builddir/tools/$VERIFY_EXE
    elif [ -f "$state_dir/$VERIFY_EXE" ]; then exe=$state_dir/$VERIFY_EXE
    else die "no $VERIFY_EXE in $builddir/tools or $state_dir"
    fi
    dllpath=${WINEDLLPATH:-}
    if [ -f "$state_dir/$BRIDGE.so" ] && [[ ":$dllpath:" != *":$state_dir:"* ]]; then
        dllpath=$state_dir${dllpath:+:$dllpath}
        say "prefix-local bridge: running with WINEDLLPATH=$dllpath"
    fi
    for dll in "${DLLS[@]}"; do names+=("$dll.dll"); done
    step "running $exe ${names[*]}"
    # The registry override alone must select our DLLs: none of them in WINEDLLOVERRIDES.
    WINEDLLPATH=$dllpath timeout 120 "${WINE_ENV[@]}" "$WINE" "$exe" "${names[@]}" || rc=$?
    failed_step=""
    if [ "$rc" -eq 0 ]; then
        say "verify OK: our ${names[*]} run in $WINEPREFIX"
    else
        printf '%s: verify FAILED: not all of %s are ours and working in %s\n' \
            "$prog" "${names[*]}" "$WINEPREFIX" >&2
        exit 1
    fi
}

case "$action" in
    install) do_install ;;
    uninstall) do_uninstall ;;
    verify) do_verify ;;
esac
