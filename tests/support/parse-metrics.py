#!/usr/bin/env python3
"""Parses a Prometheus text exposition (stdin) with the reference parser of
python3-prometheus-client and prints every sample as JSON, one per line:
{"name": ..., "labels": {...}, "value": ...}. Exits non-zero on a parse error,
so a test that feeds it /metrics fails on anything a real scraper refuses."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

try:
    for family in text_string_to_metric_families(sys.stdin.read()):
        for sample in family.samples:
            print(json.dumps({"family": family.name, "type": family.type, "name": sample.name,
                              "labels": sample.labels, "value": sample.value}))
except Exception as error:  # the parser raises ValueError and others
    print(f"parse error: {error}", file=sys.stderr)
    sys.exit(1)
