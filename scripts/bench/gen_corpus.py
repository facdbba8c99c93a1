#!/usr/bin/env python3
"""Writes the synthetic Docusaurus-style corpus that scripts/bench.sh builds with docket and Hugo.

usage: gen_corpus.py PAGES OUT_DIR [SEED]

OUT_DIR/section-NNN/page-NNN.md, 100 pages per folder, each folder with a _category_.yml.
Every page has front matter (title, sidebar_position, description), an H1, five `##` sections
(one with a `###` subsection), paragraphs with emphasis, inline code and relative `.md` links to
sibling pages whose `#anchors` exist, a fenced code block and a list; every third page has a
table and every fourth a `:::note` admonition.

The output depends only on PAGES and SEED (a private random.Random, no clock, no hash
randomisation), so every run of the benchmark builds byte-identical input.
"""
import os
import random
import sys

PAGES_PER_SECTION = 100

WORDS = """
build page site sidebar anchor link render parse cache thread worker queue output input folder
file path route slug heading table column value option flag config default theme template
layout asset script style index search token buffer stream reader writer engine module package
version release commit branch merge review deploy server client request response header body
status error warning notice report check test fixture sample corpus markdown document section
chapter topic guide manual reference tutorial example snippet block fence list item entry field
record schema format parser lexer scanner emitter node tree graph edge vertex walk visit order
sort filter map reduce group batch chunk slice range window frame clock timer budget memory
disk network socket port host domain proxy gateway cluster replica shard region zone backup
restore snapshot migrate upgrade rollback patch hotfix feature toggle rollout canary metric
trace span sampler exporter collector agent daemon service job task step stage pipeline runner
""".split()

# Heading phrases: letters and spaces only, so docket's ids and Hugo's goldmark "github" ids are
# the same plain lowercase-and-dashes slug. A page takes six distinct ones (unique ids per page).
HEADINGS = """
Overview|Getting started|Installing the tools|Configuring the site|Writing pages|Linking pages
|Building the output|Deploying the site|Troubleshooting builds|Performance notes|Caching results
|Working with tables|Code blocks and fences|Lists and tasks|Admonitions and callouts|Front matter fields
|Sidebar ordering|Category folders|Broken links|Heading anchors|Search indexing|Theming basics
|Custom templates|Static assets|Versioned docs|Localisation|Command line usage|Exit codes
|Environment variables|Continuous integration|Release process|Security model|Known limitations
|Frequently asked questions|Migration notes|Glossary of terms|Further reading|Design rationale
|Error messages|Upgrading from older versions
""".replace("\n", "").split("|")

LANGS = {
    "yaml": ["site:", "  title: Example {w}", "  workers: {n}", "  output: _site/{w}",
             "  links: warn", "sidebar:", "  - {w}", "  - {w2}"],
    "sh": ["set -euo pipefail", "export DOCKET_{W}={n}", "docket build --content docs --out _site",
           "ls _site/{w} | wc -l", "test -f _site/index.html", "echo built {n} pages"],
    "python": ["def {w}_{w2}(items):", "    total = 0", "    for item in items:",
               "        total += len(item) * {n}", "    return total", "",
               "print({w}_{w2}(['{w}', '{w2}']))"],
    "json": ["{{", '  "name": "{w}",', '  "pages": {n},', '  "tags": ["{w}", "{w2}"],',
             '  "draft": false', "}}"],
}


def slug(text):
    return text.lower().replace(" ", "-")


class Page:
    __slots__ = ("section", "number", "title", "headings", "sub")

    def __init__(self, section, number, rng):
        self.section = section
        self.number = number
        picked = rng.sample(HEADINGS, 6)
        self.headings = picked[:5]  # the five `##` sections
        self.sub = picked[5]        # one `###` inside the second section
        self.title = "%s %s %d.%d" % (rng.choice(WORDS).capitalize(), rng.choice(WORDS),
                                      section, number)

    @property
    def anchors(self):
        return [slug(h) for h in self.headings] + [slug(self.sub)]


def sentence(rng, links):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    i = rng.randrange(len(words))
    roll = rng.random()
    if roll < 0.25:
        words[i] = "*%s*" % words[i]
    elif roll < 0.45:
        words[i] = "**%s**" % words[i]
    elif roll < 0.70:
        words[i] = "`%s_%s`" % (words[i], rng.choice(WORDS))
    if links and rng.random() < 0.35:
        target = rng.choice(links)
        j = rng.randrange(len(words))
        words[j] = "[%s %s](page-%03d.md#%s)" % (words[j], rng.choice(WORDS), target.number,
                                                rng.choice(target.anchors))
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def paragraph(rng, links):
    return " ".join(sentence(rng, links) for _ in range(rng.randint(3, 6)))


def code_block(rng):
    lang = rng.choice(sorted(LANGS))
    w, w2 = rng.choice(WORDS), rng.choice(WORDS)
    n = rng.randint(1, 9999)
    body = "\n".join(line.format(w=w, w2=w2, W=w.upper(), n=n) for line in LANGS[lang])
    return "```%s\n%s\n```" % (lang, body)


def bullet_list(rng, links):
    return "\n".join("- " + sentence(rng, links) for _ in range(rng.randint(3, 6)))


def table(rng):
    rows = ["| name | value | notes |", "|---|---:|---|"]
    for _ in range(5):
        rows.append("| `%s` | %d | %s %s |" % (rng.choice(WORDS), rng.randint(1, 1000),
                                               rng.choice(WORDS), rng.choice(WORDS)))
    return "\n".join(rows)


def render(page, siblings, rng, index):
    links = [p for p in siblings if p is not page]
    out = ["---",
           "title: %s" % page.title,
           "sidebar_position: %d" % page.number,
           "description: %s" % sentence(rng, []).replace("*", "").replace("`", ""),
           "---",
           "",
           "# %s" % page.title,
           "",
           paragraph(rng, links),
           ""]
    for k, heading in enumerate(page.headings):
        out += ["## %s" % heading, "", paragraph(rng, links), ""]
        if k == 0:
            out += [code_block(rng), ""]
        elif k == 1:
            out += ["### %s" % page.sub, "", paragraph(rng, links), "", bullet_list(rng, links), ""]
        elif k == 2 and index % 3 == 0:
            out += [table(rng), ""]
        elif k == 3 and index % 4 == 0:
            out += [":::note", "", paragraph(rng, links), "", ":::", ""]
        else:
            out += [paragraph(rng, links), ""]
    return "\n".join(out)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.strip().splitlines()[2])
    total, root = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 20240601)
    sections = (total + PAGES_PER_SECTION - 1) // PAGES_PER_SECTION
    index = 0
    for s in range(1, sections + 1):
        count = min(PAGES_PER_SECTION, total - (s - 1) * PAGES_PER_SECTION)
        folder = os.path.join(root, "section-%03d" % s)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "_category_.yml"), "w") as f:
            f.write("label: Section %d %s\nposition: %d\n" % (s, rng.choice(WORDS), s))
        # Plan the folder's pages first so links can point at headings that exist.
        pages = [Page(s, n, rng) for n in range(1, count + 1)]
        for page in pages:
            index += 1
            with open(os.path.join(folder, "page-%03d.md" % page.number), "w") as f:
                f.write(render(page, pages, rng, index))


if __name__ == "__main__":
    main()
