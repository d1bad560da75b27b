#!/usr/bin/env python3
"""`waymark serve` under load: 200 concurrent clients on 127.0.0.1 for 30 s while a content file is edited.

Every response must be a 200 with a whole page from one build: it starts with <!DOCTYPE html> and ends with
</html>. Prints requests per second and the number of bad responses (which must be 0).
"""
import http.client
import os
import random
import sys
import threading
import time

import preview

ROOT = preview.ROOT
CLIENTS = int(os.environ.get("CLIENTS", "200"))
SECONDS = float(os.environ.get("SECONDS_", "30"))
PAGE = os.path.join(ROOT, "content", "glossary.md")
PATHS = ["", "frameworks/django/index.html", "frameworks/fastapi/index.html", "decide/index.html",
         "compare/index.html", "architecture/index.html", "glossary/index.html", "getting-started/index.html"]


def main():
    try:
        proc, port, base = preview.start()
    except RuntimeError as e:
        print(e)
        return 1
    original = open(PAGE, encoding="utf-8").read()
    try:
        stop = time.time() + SECONDS
        ok = [0] * CLIENTS
        bad = [0] * CLIENTS
        errors = []

        def client(n):
            rng = random.Random(n)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while time.time() < stop:
                try:
                    conn.request("GET", base + rng.choice(PATHS))
                    resp = conn.getresponse()
                    body = resp.read()
                    if resp.status == 200 and body.startswith(b"<!DOCTYPE html>") and body.rstrip().endswith(b"</html>"):
                        ok[n] += 1
                    else:
                        bad[n] += 1
                        if len(errors) < 5: errors.append(f"{resp.status} {len(body)} bytes")
                except Exception as e:  # connection reset, timeout...
                    bad[n] += 1
                    if len(errors) < 5: errors.append(repr(e))
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

        def editor():
            i = 0
            while time.time() < stop:
                with open(PAGE, "w", encoding="utf-8") as f:
                    f.write(original + f"\nLoad edit {i}.\n")
                i += 1
                time.sleep(0.25)
            return i

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        edits = threading.Thread(target=editor)
        start = time.time()
        for t in threads: t.start()
        edits.start()
        for t in threads: t.join()
        edits.join()
        elapsed = time.time() - start
        total_ok, total_bad = sum(ok), sum(bad)
        print(f"serve under load: {CLIENTS} clients for {elapsed:.0f} s while editing content: "
              f"{total_ok / elapsed:.0f} requests/s, {total_ok} whole pages, {total_bad} bad responses {errors}")
        return 0 if total_bad == 0 else 1
    finally:
        with open(PAGE, "w", encoding="utf-8") as f:
            f.write(original)
        preview.stop(proc)


if __name__ == "__main__":
    sys.exit(main())
