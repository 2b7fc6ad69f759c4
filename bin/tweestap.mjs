#!/usr/bin/env node
// The `tweestap` command: the bundled CLI (built by `npm run build:node`, or on install by `prepare`).
import '../dist/cli/tweestap.mjs';
