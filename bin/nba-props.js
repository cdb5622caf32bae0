#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npm ci` is the only setup step (no build).
require("tsx/cjs");
require("../runtime/cli/main.ts").main();
