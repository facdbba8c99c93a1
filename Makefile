# docket: `make site` builds this project's own documentation; `make test` runs every test.
SWIFT ?= swift
DOCKET_DEBUG := .build/debug/docket
DOCKET_RELEASE := .build/release/docket

.PHONY: deps build release site test browser-test bench theme theme-check clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# On Linux the Swift runtime and Foundation are linked statically: no Swift libraries needed where
# the binary runs, about 4 MB less resident memory, and calls into the runtime (retain, release)
# without the dynamic linker's indirection (about 4% less CPU time on 10,000 pages; see issue
# 10's notes). Apple's toolchains have no static Swift runtime.
STATIC_STDLIB := $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,)
# And linked by the toolchain's lld for less resident memory (a 1,000-page build: 61 -> 53 MiB,
# see issue 10's notes): each function in a section of its own, those `docket build` runs placed
# together (scripts/hot-functions.txt; the kernel maps code 64 KB around every page touched),
# relative relocations packed (DT_RELR: 2.5 MB of the binary read at every start), and no table
# of exported symbols (2 MB, resident; nothing looks docket's symbols up but cmark-gfm's
# callback, exported in Package.swift). Without lld in the toolchain the link is the default
# one; without glibc 2.36 (which reads DT_RELR) the relocations stay unpacked.
LINUX := $(filter Linux,$(shell uname -s))
LLD := $(wildcard $(dir $(realpath $(shell command -v $(SWIFT))))ld.lld)
RELR := $(shell getconf GNU_LIBC_VERSION 2>/dev/null | awk '{ split($$2, v, "."); if (v[1] > 2 || (v[1] == 2 && v[2] >= 36)) print "yes" }')
RELEASE_LINK := $(if $(and $(LINUX),$(LLD)),\
	-Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -use-ld=lld \
	-Xlinker --symbol-ordering-file=$(CURDIR)/scripts/hot-functions.txt -Xlinker --no-warn-symbol-ordering \
	-Xlinker --no-export-dynamic $(if $(RELR),-Xlinker -z -Xlinker pack-relative-relocs),)
# libstdc++ (which the Swift runtime needs) linked statically too, where gcc has its archive: the
# shared library's symbol and relocation tables are read at every start, and a linked-in copy is
# only what the runtime calls. Peak memory, medians of 10 release builds in turns: a one-page
# build 16.7 -> 15.1 MiB, 1,000 project pages 45.2 -> 43.9, 1,000 shared 56.2 -> 54.7. The linker
# takes the first libstdc++ on its search path, so a folder holding only the archive goes first.
CXX_ARCHIVE := $(if $(LINUX),$(shell gcc -print-file-name=libstdc++.a 2>/dev/null),)
STATIC_CXX := $(if $(filter /%,$(CXX_ARCHIVE)),-Xswiftc -L$(CURDIR)/.build/static-cxx,)
release: deps
	$(if $(STATIC_CXX),@mkdir -p .build/static-cxx && ln -sf $(CXX_ARCHIVE) .build/static-cxx/libstdc++.a)
	$(SWIFT) build -c release $(STATIC_STDLIB) $(RELEASE_LINK) $(STATIC_CXX)

# scripts/hot-functions.txt again, from the release binary (after large changes; needs valgrind).
.PHONY: hot-functions
hot-functions: release
	@command -v valgrind >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind
	scripts/hot-functions.sh

# The project's own site, from content/ into _site/.
site: release
	$(DOCKET_RELEASE) build --strict

# swift-format's lint first (every Swift file formatted; seconds), then unit, golden and
# end-to-end tests, the project's own site with zero warnings, the committed runbooks checked
# against the pages (drift), and every runbook run against its fixture.
test: deps format-check
	$(SWIFT) build
	$(SWIFT) test
	$(DOCKET_DEBUG) build --strict --out .build/site-check
	$(DOCKET_DEBUG) runbooks --check
	shellcheck Sources/DocketRunbooks/runtime/docket-runtime.bash
	$(DOCKET_DEBUG) check --strict --junit .build/docket-check.xml
	Tests/Browser/run.sh

# The built site in headless chromium (Tests/Browser): diagrams, search, the runbook parameter
# form, navigation, console errors, failed or off-machine requests, overflow and axe, at 1280x800
# and 390x844; screenshots in .build/screenshots/. Part of `make test`.
browser-test: deps
	$(SWIFT) build
	Tests/Browser/run.sh

# Build speed, CPU use and memory against Hugo on two corpora at 1,000 and 10,000 pages (needs
# hugo and python3; PAGES=2000 or PAGES="1000 10000 50000" for other sizes, BENCH_RUNS=1 for a
# quicker run). Prints the ratios and docket's stage timings; exits 1 when a goal is missed.
# Not part of `make test`.
PAGES ?= 1000 10000
bench: release
	@command -v hugo >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo
	scripts/bench.sh "$(PAGES)"

# docket serve's live reload on a 10,000-page site, as a browser sees it: median of 20
# one-paragraph edits, a title change and a new page, from the file write to the reloaded page
# (scripts/bench-serve.py; the shared corpus, then the project's own).
.PHONY: bench-serve
bench-serve: release
	scripts/bench-serve.py --corpus shared --pages $(PAGES)
	scripts/bench-serve.py --corpus project --pages $(PAGES)

# Two docket binaries against each other (BASE and NEW, e.g. release builds of two commits), in
# turns on both corpora at 10,000 pages: medians and NEW/BASE ratios (scripts/bench-compare.sh).
.PHONY: bench-compare
bench-compare:
	@test -n "$(BASE)" -a -n "$(NEW)" || { echo "usage: make bench-compare BASE=path/to/docket NEW=path/to/docket"; exit 2; }
	@test -x /usr/bin/time || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
	scripts/bench-compare.sh "$(BASE)" "$(NEW)"

# The same two binaries by the instructions they execute (valgrind's cachegrind, which does not
# drift as time does), 2,000 pages of each corpus, and whether their outputs are identical
# (scripts/bench-instructions.sh).
.PHONY: bench-instructions
bench-instructions:
	@test -n "$(BASE)" -a -n "$(NEW)" || { echo "usage: make bench-instructions BASE=path/to/docket NEW=path/to/docket"; exit 2; }
	@command -v valgrind >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind
	scripts/bench-instructions.sh "$(BASE)" "$(NEW)"

# Kept for old habits and scripts: themes/default is embedded by the EmbedFiles build plugin on
# every `swift build`, so there is nothing to regenerate or to check for drift.
theme theme-check:
	@echo "themes/default is embedded at build time (Plugins/EmbedFiles): nothing to do"

# swift-format's lint over every Swift file with the committed .swift-format (4 spaces, 120
# columns): every finding, then their count (also in .build/format-check.txt); exits 1 when
# there is one. Part of `make test`; `make format` rewrites the files in place.
SWIFT_FILES := Package.swift Sources Tests Plugins Fuzz
.PHONY: format-check format
format-check:
	@mkdir -p .build
	@$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_FILES) 2>.build/format-check.txt; \
	  status=$$?; cat .build/format-check.txt; \
	  echo "swift format lint: $$(grep -c -e ': error: ' -e ': warning: ' .build/format-check.txt) findings"; exit $$status

format:
	$(SWIFT) format format --in-place --recursive --parallel $(SWIFT_FILES)

clean:
	rm -rf .build _site

# libFuzzer over the page, _category_, docket.yml and fixture YAML parsers, FUZZ_SECONDS long
# (default 300), seeded from content/, runbooks/ and Tests/Fixtures; findings go to
# Fuzz/crashes/ (keep each under Tests/Fixtures/fuzz-crashers/, which the tests replay).
FUZZ_SECONDS ?= 300
.PHONY: fuzz
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh
