#!/usr/bin/env bash
# Runs a command with an X display, for headed Chromium, screen capture and the X clipboard
# (xclip) in the browser tests. Uses the caller's DISPLAY when there is one; otherwise runs the
# command under `xvfb-run -a`, or, without xvfb-run, under an Xvfb started here and stopped after.
#
#   bash test/e2e/with-display.sh <command...>
#
# Exit code: the command's, or 70 when no display could be started.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command...>" >&2
  exit 64
fi

if [[ -n "${DISPLAY:-}" ]]; then
  exec "$@"
fi

if command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$@"
fi

if ! command -v Xvfb >/dev/null; then
  echo "with-display: neither DISPLAY nor xvfb-run nor Xvfb; install the Debian package xvfb" >&2
  exit 70
fi

# Find a free display number and start Xvfb on it.
for number in $(seq 99 140); do
  if [[ ! -e "/tmp/.X11-unix/X$number" && ! -e "/tmp/.X$number-lock" ]]; then break; fi
done
Xvfb ":$number" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  if [[ -e "/tmp/.X11-unix/X$number" ]]; then break; fi
  if ! kill -0 "$xvfb_pid" 2>/dev/null; then
    echo "with-display: Xvfb :$number did not start" >&2
    exit 70
  fi
  sleep 0.1
done
export DISPLAY=":$number"
set +e
"$@"
status=$?
exit "$status"
