#!/usr/bin/env python3
"""chatjwt lint --format sarif output validated against the SARIF 2.1.0 schema.

Usage: sarif_schema.py PATH_TO_CHATJWT SCHEMA_JSON DATA_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

chatjwt, schema_path, data = sys.argv[1:4]
schema = json.load(open(schema_path))
validator = jsonschema.Draft4Validator(schema)

bad = tempfile.NamedTemporaryFile("w", suffix=" with space.json", delete=False)
bad.write('{\n  "userId": "jane@example.com",\n  "agentData": [{"label": "a", "value": "x", '
          '"type": "status", "color": "Info"}],\n  "plan": "gold"\n}\n')
bad.close()
token = ("eyJhbGciOiJIUzUxMiJ9."  # {"alg":"HS512"}
         "eyJ1c2VySWQiOiJ1In0.")   # {"userId":"u"}
runs = {
    "clean documents": [os.path.join(data, "convrs-complete.json"), os.path.join(data, "eloquent-example.json")],
    "findings in a file and a token": [bad.name, token],
    "an unreadable input": ["/nonexistent/payload.json", bad.name],
}
passed = failed = 0
for name, inputs in runs.items():
    r = subprocess.run([chatjwt, "lint", "--format", "sarif", *inputs], capture_output=True, text=True)
    log = json.loads(r.stdout)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    results = log["runs"][0]["results"]
    ok = not errors and r.returncode in (0, 1, 2)
    if name == "findings in a file and a token":
        ok = ok and len(results) >= 4 and any("logicalLocations" in x["locations"][0] for x in results)
        ok = ok and any("%20" in x["locations"][0].get("physicalLocation", {})
                        .get("artifactLocation", {}).get("uri", "") for x in results)
    print(("ok   " if ok else "FAIL ") + name, *[e.message for e in errors[:3]])
    passed += ok
    failed += not ok
os.unlink(bad.name)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
