#!/usr/bin/env python3
"""Live-reload latency of `docket serve` on a generated 10,000-page site.

    scripts/bench-serve.py [--corpus shared|project] [--pages N] [--edits N] [--docket PATH] [--dir DIR]

Generates the corpus (shared: ../shared/bench/gen_corpus.py beside the checkout, or BENCH_SHARED, --seed 7, 6.7 KB pages; project:
scripts/bench/gen_corpus.py) in a fresh folder under --dir (default: the system's temp folder;
the server's preview copy of the site goes there too), starts `docket serve --port 0` on it, and acts as the browser:
it holds the reload channel open (server-sent events at /__docket/events, or, for an older
server without it, polls /__docket/version every 700 ms as its injected script did), and after
each reload event fetches the page and checks that the new text is in it. Measured from just
before the file is written to the moment the fetched page holds the new text:

  edit      a one-paragraph edit of one page (median of --edits, default 20)
  title     a title change, seen in the sidebar of a sibling page
  new page  a new page in the same folder, fetched at its URL

Prints a table and a last line `bench-serve: CORPUS PAGES pages: edit median X ms, title Y ms,
new page Z ms`. Exit status 0 when the goals hold (edit <= 50 ms, title and new page <= 1 s),
1 when one is missed, 2 on a usage error or a server that fails.
Only the Python standard library is used; everything happens on 127.0.0.1 in a temp folder.
"""

import argparse
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def die(message):
    print(f"bench-serve: {message}", file=sys.stderr)
    sys.exit(2)


def http_get(port, path, timeout=30):
    """One GET over a fresh connection; returns (status, body text)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = sock.recv(1 << 16)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body.decode("utf-8", "replace")


class ReloadChannel:
    """What the page's reload script listens to: versions, as they are announced."""

    def __init__(self, port):
        self.port = port
        self.events = queue.Queue()
        self.sse = self._open_sse()
        if self.sse is None:
            threading.Thread(target=self._poll, daemon=True).start()

    def _open_sse(self):
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=120)
        sock.sendall(b"GET /__docket/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                return None
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        if b"text/event-stream" not in head.lower():
            sock.close()
            return None
        threading.Thread(target=self._read_sse, args=(sock, rest), daemon=True).start()
        return sock

    def _read_sse(self, sock, pending):
        sock.settimeout(None)
        while True:
            for match in re.finditer(rb"data: (\d+)", pending):
                self.events.put((time.monotonic(), int(match.group(1))))
            pending = pending[pending.rfind(b"\n") + 1:] if b"\n" in pending else pending
            try:
                chunk = sock.recv(4096)
            except OSError:
                return
            if not chunk:
                return
            pending += chunk

    def _poll(self):
        # The old injected script: fetch the version every 700 ms, reload when it changes.
        last = None
        while True:
            try:
                _, text = http_get(self.port, "/__docket/version", timeout=10)
                version = int(text.strip() or 0)
                if version != last:
                    last = version
                    self.events.put((time.monotonic(), version))
            except (OSError, ValueError):
                pass
            time.sleep(0.7)

    def drain(self):
        while not self.events.empty():
            self.events.get_nowait()

    def wait_for_reload(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return self.events.get(timeout=left)


def seen_after_write(channel, port, write, url, wanted, limit=120.0):
    """Seconds from just before `write()` until a reload event is followed by `url` holding `wanted`."""
    channel.drain()
    started = time.monotonic()
    write()
    deadline = started + limit
    while True:
        channel.wait_for_reload(deadline)
        status, body = http_get(port, url)
        if status == 200 and wanted in body:
            return time.monotonic() - started


def page_url(rel):
    """The URL docket gives a page of docs/ (no slug or number prefixes in these corpora)."""
    path = rel[:-3]
    if path.endswith("/index"):
        path = path[: -len("/index")]
    return "/docs/" + path


def main():
    parser = argparse.ArgumentParser(description="docket serve live-reload latency")
    parser.add_argument("--corpus", choices=["shared", "project"], default="shared")
    # `make bench-serve` passes make's PAGES, which may list several sizes (`1000 10000`): the
    # goals are for the largest.
    parser.add_argument("--pages", type=int, nargs="+", default=[10000], help="site size (of several, the largest)")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--gap", type=float, default=1.0, help="seconds between edits (a person typing and saving)")
    parser.add_argument("--docket", default=os.environ.get("DOCKET", os.path.join(ROOT, ".build/release/docket")))
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--dir", help="make the corpus and the preview folder under DIR (a disk, not a RAM tmpfs)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the shared corpus")
    args = parser.parse_args()
    args.pages = max(args.pages)
    if args.pages < 10 or args.edits < 1:
        die("--pages must be at least 10 and --edits at least 1")
    args.docket = os.path.abspath(args.docket)
    if not os.access(args.docket, os.X_OK):
        die(f"no docket binary at {args.docket} (build it with: swift build -c release)")

    if args.dir:
        os.makedirs(args.dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="docket-bench-serve.", dir=args.dir)
    site = os.path.join(tmp, "site")
    if args.corpus == "shared":
        # Beside the checkout, as scripts/bench.sh finds it; BENCH_SHARED names another place.
        generator = os.environ.get("BENCH_SHARED", os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
        if not os.path.exists(generator):
            die(f"no shared corpus generator at {generator} (set BENCH_SHARED, or use --corpus project)")
        subprocess.run([sys.executable, generator, site, str(args.pages), "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
    else:
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts/bench/gen_corpus.py"), str(args.pages), os.path.join(site, "docs")],
                       check=True, stdout=subprocess.DEVNULL)
    docs = os.path.join(site, "docs")
    pages = sorted(os.path.relpath(os.path.join(d, f), docs) for d, _, fs in os.walk(docs) for f in fs if f.endswith(".md"))

    log = open(os.path.join(tmp, "serve.log"), "w+")
    # The server makes its preview folder (a whole copy of the site) in TMPDIR.
    environment = dict(os.environ, TMPDIR=tmp)
    server = subprocess.Popen([args.docket, "serve", "--port", "0"], cwd=site, stdout=subprocess.PIPE, stderr=log, text=True,
                              env=environment)
    try:
        port = None
        started = time.monotonic()
        for line in server.stdout:
            log.write(line)
            match = re.search(r"127\.0\.0\.1:(\d+)", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            die(f"the server did not start (see {log.name})")
        startup = time.monotonic() - started
        threading.Thread(target=lambda: [log.write(l) for l in server.stdout], daemon=True).start()
        channel = ReloadChannel(port)

        # A page deep in the tree, with siblings; its folder gets the new page.
        candidates = [p for p in pages[len(pages) // 2:] if "/" in p and not p.endswith("index.md")]
        target = max(candidates, key=lambda p: p.count("/")) if candidates else die("no page in a folder")
        folder = os.path.dirname(target)
        sibling = next(p for p in pages if os.path.dirname(p) == folder and p != target and not p.endswith("index.md"))
        path = os.path.join(docs, target)
        with open(path) as f:
            original = f.read()
        status, _ = http_get(port, page_url(target))
        if status != 200:
            die(f"{page_url(target)} answers {status}: the page URL guess is wrong")

        edits = []
        for i in range(args.edits):
            marker = f"Bench edit {i} at {time.time_ns()}: the paragraph now says something new."
            text = original.rstrip("\n") + "\n\n" + marker + "\n"

            def write(text=text):
                with open(path, "w") as f:
                    f.write(text)
            edits.append(seen_after_write(channel, port, write, page_url(target), marker))
            time.sleep(args.gap)

        title = f"Retitled page {time.time_ns()}"
        with open(path) as f:
            current = f.read()
        retitled = re.sub(r'(?m)^title: .*$', f'title: "{title}"', current, count=1)
        if retitled == current:
            retitled = "---\ntitle: \"" + title + "\"\n---\n" + current

        def write_title():
            with open(path, "w") as f:
                f.write(retitled)
        title_seconds = seen_after_write(channel, port, write_title, page_url(sibling), title)
        time.sleep(args.gap)

        new_rel = os.path.join(folder, f"bench-new-page-{os.getpid()}.md")
        new_title = f"Brand new page {time.time_ns()}"

        def write_new():
            with open(os.path.join(docs, new_rel), "w") as f:
                f.write(f"---\ntitle: \"{new_title}\"\n---\n\nA page that did not exist.\n")
        new_seconds = seen_after_write(channel, port, write_new, page_url(new_rel), new_title)
    finally:
        server.terminate()
        server.wait()
        if args.keep:
            print(f"bench-serve: kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    ms = lambda s: f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s"
    median = statistics.median(edits)
    print(f"docket serve, {args.corpus} corpus, {len(pages)} pages ({args.docket}; first build and start {startup:.1f} s)")
    print(f"  reload channel: {'server-sent events' if channel.sse else 'polling /__docket/version every 700 ms'}")
    print(f"  {'change':<22}{'median':>10}{'min':>10}{'max':>10}   goal")
    print(f"  {'edit (' + str(len(edits)) + ' edits)':<22}{ms(median):>10}{ms(min(edits)):>10}{ms(max(edits)):>10}   <= 50 ms")
    print(f"  {'title (sidebar)':<22}{ms(title_seconds):>10}{'':>10}{'':>10}   <= 1 s")
    print(f"  {'new page':<22}{ms(new_seconds):>10}{'':>10}{'':>10}   <= 1 s")
    print(f"bench-serve: {args.corpus} {len(pages)} pages: edit median {ms(median)}, title {ms(title_seconds)}, new page {ms(new_seconds)}")
    return 0 if median <= 0.05 and title_seconds <= 1 and new_seconds <= 1 else 1


if __name__ == "__main__":
    sys.exit(main())
