#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
"""schema_check.py SCHEMA FILE... - validates each JSON file against the
JSON Schema (draft 2020-12) that nextsteps installs for it.  Exit 0 when
all are valid, 1 with the first reason on stderr, 77 (skip) when Python's
jsonschema module is missing."""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write("schema_check: python3-jsonschema is not installed\n")
    sys.exit(77)


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: schema_check.py SCHEMA FILE...\n")
        sys.exit(2)
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            sys.stderr.write("schema_check: %s: %s at %s\n"
                             % (path, e.message, "/".join(map(str, e.path))))
            sys.exit(1)


main()
