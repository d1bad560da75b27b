#!/usr/bin/env python3
"""Edit-to-visible latency of `waymark serve` on a corpus: from writing a page to that page, fetched over HTTP,
showing the edit. Body edits append a paragraph; title edits change the front-matter title (which every page whose
navigation shows it must pick up). Prints one line per kind: median and worst over the measured edits.

Usage: python3 bench/edit_latency.py --content DIR [--edits 5] [--warmup 2] [--kinds body,title]
       python3 bench/edit_latency.py --hugo SITE_DIR ...   (Hugo's server, with its defaults, on gen_corpus.py's
                                                           --format hugo corpus of the same size)
"""
import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time

import preview

# each rebuild's own time as serve reports it ("rebuilt in N ms"): the round alone, without the watcher's wait or HTTP
ROUNDS = []


def start(content):
    port = preview.free_port()
    proc = subprocess.Popen([os.path.join(preview.ROOT, "waymark"), "serve", "--content", content, "--port", str(port)],
                            cwd=preview.ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    started = time.time()
    while True:
        line = proc.stdout.readline()
        if "serving" in line:
            url = line.split("http://", 1)[1].split(" ", 1)[0]
            show = os.environ.get("SHOW_TIMINGS")

            def follow():
                for l in proc.stdout:
                    m = re.search(r"rebuilt in (\d+) ms", l)
                    if m:
                        ROUNDS.append(int(m.group(1)))
                    if show and "incremental:" in l:
                        print("   ", l.strip())

            threading.Thread(target=follow, daemon=True).start()
            return proc, port, "/" + url.split("/", 1)[1], time.time() - started
        if not line and proc.poll() is not None:
            raise RuntimeError("waymark serve did not start")


def start_hugo(site):
    """`hugo server` with its defaults (render to memory, fast render, live reload) on 127.0.0.1."""
    port = preview.free_port()
    proc = subprocess.Popen(["hugo", "server", "--source", site, "--bind", "127.0.0.1", "--port", str(port),
                             "--baseURL", f"http://127.0.0.1:{port}/"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    started = time.time()
    while True:
        line = proc.stdout.readline()
        if "Web Server is available" in line:
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, port, "/", time.time() - started
        if not line and proc.poll() is not None:
            raise RuntimeError("hugo server did not start")


def fetch(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path)
    body = conn.getresponse().read().decode("utf-8", "replace")
    conn.close()
    return body


def measure(port, base, page_file, page_url, kind, edits, warmup):
    original = open(page_file, encoding="utf-8").read()
    samples = []
    try:
        for i in range(warmup + edits):
            token = f"Edit{kind}{i}x{int(time.time() * 1000) % 100000}"
            if kind == "body":
                text = original + f"\n{token} paragraph.\n"
            else:
                text = re.sub(r"(?m)^title: .*$", f"title: {token}", original, count=1)
            start = time.perf_counter()
            with open(page_file, "w", encoding="utf-8") as f:
                f.write(text)
            deadline = start + 120
            while token not in fetch(port, base + page_url):
                if time.perf_counter() > deadline:
                    raise RuntimeError("edit never became visible")
                time.sleep(0.005)
            if i >= warmup:
                samples.append((time.perf_counter() - start) * 1000)
            time.sleep(0.3)
    finally:
        with open(page_file, "w", encoding="utf-8") as f:
            f.write(original)
        time.sleep(1.0)
    return samples


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--content", help="a Waymark content folder: measures `waymark serve`")
    ap.add_argument("--hugo", help="a Hugo site folder (gen_corpus.py --format hugo): measures `hugo server`")
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--page", default="section-001/page-00050.md")
    ap.add_argument("--kinds", default="body,title", help="which edits to measure, comma-separated (body, title)")
    a = ap.parse_args()
    if bool(a.content) == bool(a.hugo):
        ap.error("give one of --content and --hugo")
    content = os.path.abspath(a.content or os.path.join(a.hugo, "content"))
    pages = sum(1 for _, _, fs in os.walk(content) for f in fs if f.endswith(".md"))
    who = "hugo server" if a.hugo else "serve"
    proc, port, base, startup = start_hugo(os.path.abspath(a.hugo)) if a.hugo else start(content)
    try:
        print(f"{who} {pages} pages: first build and start {startup:.1f} s")
        page_file = os.path.join(content, a.page)
        page_url = a.page[:-3] + "/"
        for kind in a.kinds.split(","):
            ROUNDS.clear()
            s = measure(port, base, page_file, page_url, kind, a.edits, a.warmup)
            rounds = ROUNDS[a.warmup:a.warmup + a.edits]  # the measured edits' rounds (the restore's round comes last)
            own = f"; the rebuild itself: median {statistics.median(rounds):.0f} ms" if rounds else ""
            print(f"{who} {pages} pages, {kind} edit to visible: median {statistics.median(s):.0f} ms, "
                  f"worst {max(s):.0f} ms over {len(s)} edits{own}; load {os.getloadavg()[0]:.1f}")
        sys.stdout.flush()
    finally:
        preview.stop(proc)


if __name__ == "__main__":
    main()
