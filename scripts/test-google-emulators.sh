#!/usr/bin/env bash
# Runs the Bus and DocStore contracts (test/platform/contract-google-emulators.test.ts) against
# Google's own Pub/Sub and Firestore emulators. They are not in the registries, so CI cannot have
# them; on a machine with gcloud (and Java) this is the extra check, and it fails if they are missing.
set -euo pipefail
command -v gcloud >/dev/null || { echo "gcloud not found: Google's emulators are needed for this check" >&2; exit 1; }
PUBSUB_PORT="${PUBSUB_PORT:-18681}"
FIRESTORE_PORT="${FIRESTORE_PORT:-18682}"
logs="$(mktemp -d)"
gcloud beta emulators pubsub start --host-port="127.0.0.1:${PUBSUB_PORT}" >"${logs}/pubsub.log" 2>&1 &
pubsub_pid=$!
gcloud emulators firestore start --host-port="127.0.0.1:${FIRESTORE_PORT}" >"${logs}/firestore.log" 2>&1 &
firestore_pid=$!
cleanup() {
  kill "${pubsub_pid}" "${firestore_pid}" 2>/dev/null || true
  # gcloud starts the Java emulators as children; stop whatever still listens on the ports.
  pkill -f "host-port=127.0.0.1:${PUBSUB_PORT}" 2>/dev/null || true
  pkill -f "host-port=127.0.0.1:${FIRESTORE_PORT}" 2>/dev/null || true
  pkill -f -- "--port=${PUBSUB_PORT}" 2>/dev/null || true
  pkill -f -- "--port=${FIRESTORE_PORT}" 2>/dev/null || true
}
trap cleanup EXIT
for port in "${PUBSUB_PORT}" "${FIRESTORE_PORT}"; do
  for _ in $(seq 1 60); do
    curl -s "http://127.0.0.1:${port}/" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -s "http://127.0.0.1:${port}/" >/dev/null 2>&1 || { echo "emulator on port ${port} did not start; logs in ${logs}" >&2; exit 1; }
done
NBA_PROPS_GOOGLE_PUBSUB_EMULATOR="127.0.0.1:${PUBSUB_PORT}" NBA_PROPS_GOOGLE_FIRESTORE_EMULATOR="127.0.0.1:${FIRESTORE_PORT}" \
  npx jest --ci test/platform/contract-google-emulators.test.ts
