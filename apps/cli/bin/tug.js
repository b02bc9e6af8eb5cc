#!/usr/bin/env node
// `tug`: the multicall entry point. The compiled CLI lives in dist/ (built by `npm ci` via the root `prepare`).
import '../dist/main.js';
