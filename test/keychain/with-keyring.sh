#!/usr/bin/env bash
# Runs a command against a private, unlocked GNOME Keyring on a private D-Bus session, so the
# keychain tests (and the e2e tests and benchmarks) use a real Secret Service without touching
# the user's own keyring.
#
#   bash test/keychain/with-keyring.sh <command...>
#
# Needs the Debian packages dbus (dbus-run-session, dbus-send) and gnome-keyring.
# The keyring daemon gets its own temporary HOME and XDG folders (removed afterwards), is started
# with --unlock so that the first run creates the default "login" collection without a prompt,
# and runs with DISPLAY unset so it never tries to show a dialog. The command keeps the caller's
# HOME. TWEESTAP_KEYCHAIN_SERVICE is set to a fresh name unless the caller set one.
# Exit code: the command's, or 70 when the keyring could not be started.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command...>" >&2
  exit 64
fi

if [[ -z "${TWEESTAP_IN_TEST_KEYRING:-}" ]]; then
  for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
      echo "with-keyring: $tool not found; install the Debian packages dbus and gnome-keyring" >&2
      exit 70
    fi
  done
  export TWEESTAP_IN_TEST_KEYRING=1
  exec dbus-run-session -- bash "$0" "$@"
fi

# Inside the private session bus from here on.
keyring_home="$(mktemp -d "${TMPDIR:-/tmp}/tweestap-keyring.XXXXXX")"
chmod 700 "$keyring_home"
mkdir -m 700 -p "$keyring_home/data" "$keyring_home/config" "$keyring_home/cache" "$keyring_home/run"

daemon_pid=""
cleanup() {
  if [[ -n "$daemon_pid" ]]; then kill "$daemon_pid" 2>/dev/null || true; fi
  rm -rf "$keyring_home"
}
trap cleanup EXIT

# --foreground keeps the daemon as our child, so we know its pid and can stop it ourselves.
printf '%s' "test" | env -u DISPLAY -u WAYLAND_DISPLAY \
  HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" XDG_CONFIG_HOME="$keyring_home/config" \
  XDG_CACHE_HOME="$keyring_home/cache" XDG_RUNTIME_DIR="$keyring_home/run" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$keyring_home/daemon.log" 2>&1 &
daemon_pid=$!

secrets_owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

for _ in $(seq 1 100); do
  if secrets_owned; then break; fi
  if ! kill -0 "$daemon_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if ! secrets_owned; then
  echo "with-keyring: gnome-keyring-daemon did not register org.freedesktop.secrets within 10 s" >&2
  cat "$keyring_home/daemon.log" >&2 || true
  exit 70
fi

export TWEESTAP_KEYCHAIN_SERVICE="${TWEESTAP_KEYCHAIN_SERVICE:-tweestap-test-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')}"
unset TWEESTAP_IN_TEST_KEYRING

set +e
"$@"
status=$?
set -e
exit "$status"
