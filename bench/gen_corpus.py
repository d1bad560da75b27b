#!/usr/bin/env python3
"""Deterministic benchmark corpus: N pages of ~2 KB in sections of 100, for Waymark or Hugo.

Each page has front matter, 3-6 headings with explicit ids, lists, a code block, a table and 2-4 relative links
with anchors to other pages. The same seed gives the same corpus, byte for byte, in both formats.
"""
import argparse
import os
import random

WORDS = ("framework request response database model template route handler async await session cache queue "
         "worker service deploy container schema migration index query filter page section guide decision").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def page_body(rng, i, n_pages, link):
    headings = rng.randint(3, 6)
    parts = [sentence(rng, 14) + " " + sentence(rng, 12) + "\n"]
    for h in range(1, headings + 1):
        level = "##" if h == 1 or rng.random() < 0.7 else "###"
        parts.append(f"{level} {sentence(rng, 3)[:-1]} {h} {{#h-{h}}}\n")
        parts.append(sentence(rng, 16) + " " + sentence(rng, 10) + "\n")
        if h == 1:
            parts.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(4)) + "\n")
        if h == 2:
            parts.append("```python\ndef handler(request):\n    return {\"page\": %d}\n```\n" % i)
        if h == 3:
            parts.append("| option | value | note |\n|---|---|---|\n" +
                         "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(1, 99)} | {sentence(rng, 4)} |" for _ in range(3)) + "\n")
    for _ in range(rng.randint(2, 4)):
        j = rng.randrange(n_pages)
        parts.append(f"See {link(i, j, 1 + rng.randrange(3))} for {rng.choice(WORDS)}.\n")
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--format", choices=["waymark", "hugo"], required=True)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n = a.pages
    sec = lambda k: f"section-{k // 100 + 1:03d}"
    name = lambda k: f"page-{k:05d}"
    if a.format == "waymark":
        root = a.out
        link = lambda i, j, h: f"[{name(j)}](../{sec(j)}/{name(j)}.md#h-{h})"
        os.makedirs(root, exist_ok=True)
        with open(os.path.join(root, "site.yaml"), "w") as f:
            f.write("title: Bench corpus\ndescription: A synthetic corpus.\nbase_url: https://bench.example/\n")
        home = "---\ntitle: Bench corpus\ndescription: A synthetic corpus.\n---\n\nThe home page.\n"
        with open(os.path.join(root, "index.md"), "w") as f:
            f.write(home)
    else:
        root = os.path.join(a.out, "content")
        link = lambda i, j, h: f"[{name(j)}](../../{sec(j)}/{name(j)}/#h-{h})"
        os.makedirs(root, exist_ok=True)
        here = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(a.out, "hugo.toml"), "w") as f:
            f.write('baseURL = "https://bench.example/"\ntitle = "Bench corpus"\n'
                    'disableKinds = ["taxonomy", "term", "RSS"]\n'
                    f'layoutDir = "{os.path.join(here, "hugo-layout", "layouts")}"\n'
                    '[markup.goldmark.parser.attribute]\ntitle = true\n'
                    '[markup.tableOfContents]\nstartLevel = 2\nendLevel = 3\n')
        with open(os.path.join(root, "_index.md"), "w") as f:
            f.write("---\ntitle: Bench corpus\ndescription: A synthetic corpus.\n---\n\nThe home page.\n")
    for i in range(n):
        d = os.path.join(root, sec(i))
        if i % 100 == 0:
            os.makedirs(d, exist_ok=True)
            index = "index.md" if a.format == "waymark" else "_index.md"
            with open(os.path.join(d, index), "w") as f:
                f.write(f"---\ntitle: Section {i // 100 + 1}\ndescription: Pages {i} to {i + 99}.\nweight: {i // 100 + 1}\n---\n\nA section.\n")
        body = page_body(rng, i, n, link)
        fm = f"---\ntitle: Page {i}\ndescription: Synthetic page {i}.\nweight: {i % 100 + 1}\n---\n\n"
        with open(os.path.join(d, name(i) + ".md"), "w") as f:
            f.write(fm + body)


if __name__ == "__main__":
    main()
