#!/usr/bin/env bash
# Install everything into .venv (pinned, from requirements.lock), then run a task.
#   bash bootstrap.sh demo    read the example articles and show what was read
#   bash bootstrap.sh test    lint and run the test suite (what CI runs)
#   bash bootstrap.sh bench   run the benchmarks
set -euo pipefail
cd "$(dirname "$0")"

python=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
# Reinstall the pinned packages only when the lock file changed.
if ! cmp -s requirements.lock .venv/.requirements.lock; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
    cp requirements.lock .venv/.requirements.lock
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
export PATH="$PWD/.venv/bin:$PATH"

case "${1:-}" in
    demo)
        rm -f examples.duckdb
        storyline run examples/ --db examples.duckdb || true
        echo
        storyline articles --db examples.duckdb
        echo
        storyline article "$(storyline articles --db examples.duckdb --format jsonl --limit 1 \
            | python -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')" \
            --db examples.duckdb
        ;;
    test)
        ruff check .
        ruff format --check .
        python -m pytest -q -p no:cacheprovider tests
        ;;
    bench)
        python benchmarks/ingest.py
        ;;
    *)
        echo "usage: bash bootstrap.sh demo|test|bench" >&2
        exit 2
        ;;
esac
