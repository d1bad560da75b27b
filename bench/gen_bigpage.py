#!/usr/bin/env python3
"""One huge HTML page with exactly one finding (a link to a missing file near the end), for check's memory bound.

    python3 bench/gen_bigpage.py --mb 100 --out /tmp/bigpage     # writes /tmp/bigpage/index.html (+ other.html)

Measure: /usr/bin/time -v ./waymark check /tmp/bigpage   ("Maximum resident set size").
"""
import argparse
import os

HEAD = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Big</title>\n'
        '<meta name="description" content="One very large page.">\n</head>\n<body>\n<h1>Big</h1>\n')
PARA = ('<p>Paragraph {i} of a very long page, with <em>emphasis</em>, <code>code</code> and a link to '
        '<a href="#s{k}">section {k}</a> or <a href="other.html">the other page</a>. ' + 'Filler words to make it long. ' * 20 + '</p>\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    target = a.mb * 1024 * 1024
    with open(os.path.join(a.out, "index.html"), "w") as f:
        f.write(HEAD)
        size = len(HEAD)
        for k in range(100):
            f.write('<h2 id="s%d">Section %d</h2>\n' % (k, k))
        i = 0
        while size < target:
            p = PARA.format(i=i, k=i % 100)
            f.write(p)
            size += len(p)
            i += 1
        f.write('<p><a href="missing.html">the one broken link</a></p>\n</body>\n</html>\n')
    with open(os.path.join(a.out, "other.html"), "w") as f:
        f.write(HEAD.replace("Big", "Other") + '<a href="index.html">home</a>\n</body>\n</html>\n')


if __name__ == "__main__":
    main()
