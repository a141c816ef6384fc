#!/usr/bin/env bash
# The README's test command and CI's (.ci/run calls this file): set up everything the tests
# need on a fresh machine, then run the whole suite.
#
# - Debian's chromium and a CJK font: tests/test_view.py renders `kg view`'s page in headless
#   Chromium and takes a screenshot of its labels; Debian's virtuoso-opensource: tests/test_stores.py
#   loads the seeds into a Virtuoso it starts on loopback ports. Installed with apt-get when missing
#   (as root, or through sudo).
# - a virtualenv in .venv with kg and its test extra (pytest, hypothesis, igraph, ruff, and the
#   `oxigraph` server that tests/test_load.py starts on a loopback port).
# Extra arguments go to pytest (`bash scripts/test.sh tests/test_read.py -x`).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in chromium fonts-wqy-zenhei virtuoso-opensource; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})); then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "scripts/test.sh: installing ${need[*]} needs root or sudo" >&2; exit 1; }
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" </dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
. .venv/bin/activate
pip install -q -e '.[test]'
exec pytest "$@"
