#!/usr/bin/env bash
# Scores template recognition against the disclosure gold set (tests/disclosure/, see its README):
# template recognised, cells read right, verdict equal to the hand transcription's, restatements
# found; the tuned and the held-out set apart. DISCLOSURE_GOLD_DETAIL=1 lists the tuned set's misses.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo test --release --test disclosure_gold -- --nocapture --test-threads=1 "$@"
