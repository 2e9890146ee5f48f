#!/usr/bin/env bash
# Scores the text extractor against the hand-marked gold set (tests/gold/, see its README):
# figure and relation recall and precision, Chinese and English apart, and relations to confirm.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo test --release --test gold -- --nocapture --test-threads=1 "$@"
