#!/usr/bin/env python3
"""Edit-to-reload latency of `waymark serve`: from writing a content file to the `reload` server-sent event.

Starts the preview on a free port, subscribes to /_waymark/events, appends a line to a guide page 10 times (after
3 warm-up edits), and prints the median and worst latency. The page is restored afterwards.
"""
import http.client
import os
import re
import statistics
import sys
import threading
import time

import preview

ROOT = preview.ROOT
PAGE = os.path.join(ROOT, "content", "glossary.md")


def main():
    try:
        proc, port, _ = preview.start()
    except RuntimeError as e:
        print(f"reload latency: {e}")
        return 1
    original = open(PAGE, encoding="utf-8").read()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/_waymark/events")
        resp = conn.getresponse()
        got = threading.Event()
        def read():
            while True:
                line = resp.fp.readline()
                if not line:
                    return
                if line.startswith(b"event: reload"):
                    got.set()
        threading.Thread(target=read, daemon=True).start()
        samples = []
        for i in range(13):
            got.clear()
            start = time.perf_counter()
            with open(PAGE, "w", encoding="utf-8") as f:
                f.write(original + f"\nEdit {i}.\n")
            if not got.wait(10):
                print("reload latency: no reload event")
                return 1
            if i >= 3:
                samples.append((time.perf_counter() - start) * 1000)
            time.sleep(0.3)
        print(f"serve edit-to-reload: median {statistics.median(samples):.0f} ms, worst {max(samples):.0f} ms over {len(samples)} edits (target < 150 ms)")
        return 0
    finally:
        with open(PAGE, "w", encoding="utf-8") as f:
            f.write(original)
        preview.stop(proc)


if __name__ == "__main__":
    sys.exit(main())
