// Verifies every token of a file in-process and prints "NAME TOKENS SECONDS" (the loop only).
// usage: node node_verify.js fast-jwt|jsonwebtoken MODULES_DIR TOKENS_FILE SECRET NOW_EPOCH
'use strict';
const fs = require('fs');
const path = require('path');

const [which, modules, file, secret, nowText] = process.argv.slice(2);
const now = Number(nowText);
const tokens = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0);
const load = (name) => require(path.resolve(modules, 'node_modules', name));

let verify;
if (which === 'fast-jwt') {
  const { createVerifier } = load('fast-jwt');
  const verifier = createVerifier({ key: secret, algorithms: ['HS256'], clockTimestamp: now * 1000 });
  verify = (token) => verifier(token);
} else if (which === 'jsonwebtoken') {
  const jwt = load('jsonwebtoken');
  // A KeyObject made once, as a long-running service would hold it (a string secret is
  // turned into one on every call).
  const key = require('crypto').createSecretKey(Buffer.from(secret, 'utf8'));
  verify = (token) => jwt.verify(token, key, { algorithms: ['HS256'], clockTimestamp: now });
} else {
  console.error(`unknown peer ${which}`);
  process.exit(2);
}

let valid = 0;
const start = process.hrtime.bigint();
for (const token of tokens) {
  try {
    verify(token);
    valid += 1;
  } catch (e) {
    // counted below: a benchmark of rejections would be a different benchmark
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
if (valid !== tokens.length) {
  console.error(`${which}: only ${valid} of ${tokens.length} tokens verified`);
  process.exit(1);
}
console.log(`${which} ${tokens.length} ${seconds}`);
