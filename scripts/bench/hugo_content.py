#!/usr/bin/env python3
"""Copies the benchmark corpus into a Hugo content folder: usage: hugo_content.py DOCS CONTENT

The Markdown is copied unchanged except for Hugo's equivalents of the Docusaurus conventions:
a folder's _category_.yml (label, position) becomes the section's _index.md (title, weight),
and each page's sidebar_position is repeated as weight, Hugo's ordering key, so Hugo's sidebar
and prev/next follow the same order as docket's.

Written as a copy rather than `cp -R` plus `sed -i`: editing in place deletes and recreates
every file, and on a disk mounted with `discard` the deletions slow down the timed runs that
follow.
"""
import os
import re
import sys

POSITION = re.compile(r"^sidebar_position: *(\d+)$", re.M)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: hugo_content.py DOCS CONTENT")
    src, dst = sys.argv[1], sys.argv[2]
    for folder in sorted(os.listdir(src)):
        source = os.path.join(src, folder)
        target = os.path.join(dst, folder)
        os.makedirs(target)
        for name in sorted(os.listdir(source)):
            with open(os.path.join(source, name)) as f:
                text = f.read()
            if name == "_category_.yml":
                fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
                name = "_index.md"
                text = "---\ntitle: %s\nweight: %s\n---\n" % (fields["label"].strip(),
                                                              fields["position"].strip())
            else:
                text = POSITION.sub(lambda m: "%s\nweight: %s" % (m.group(0), m.group(1)),
                                    text, count=1)
            with open(os.path.join(target, name), "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
