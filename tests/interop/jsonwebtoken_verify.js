// Verifies tokens with jsonwebtoken, for the differential test.
// Usage: node jsonwebtoken_verify.js MODULES_DIR JOBS.json
// JOBS.json: {"now": SECONDS, "secret": "...", "tokens": ["..."]}
// Prints one JSON line per token: {"valid": true} or {"valid": false, "name": ..., "message": ...}.
'use strict';
const path = require('path');
const fs = require('fs');
const jwt = require(path.resolve(process.argv[2], 'node_modules', 'jsonwebtoken'));
const jobs = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const out = [];
for (const token of jobs.tokens) {
  try {
    jwt.verify(token, jobs.secret, { algorithms: ['HS256'], clockTimestamp: jobs.now });
    out.push(JSON.stringify({ valid: true }));
  } catch (e) {
    out.push(JSON.stringify({ valid: false, name: e.name, message: String(e.message) }));
  }
}
process.stdout.write(out.join('\n') + '\n');
