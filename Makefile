# spravka — build, run, test. Every target works on a fresh machine with Go.
GO      ?= go
BIN     := bin/spravka
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
EVAL    ?= ../shared/eval

.PHONY: all build run test vet fmt-check lint bench eval eval-suggest eval-cv train clean fuzz
.PHONY: postgres git browser-deps

all: build

build:
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/spravka

## run: build, index the sample content and serve it on http://127.0.0.1:8080
run: build
	./$(BIN) serve --content content --addr 127.0.0.1:8080 --data .spravka

## test: vet, gofmt check, the fuzz targets, every test with the race
## detector; the tests that index whole evaluation sets (quality floors,
## confidence calibration, crash recovery) or all 652 CommonMark examples
## skip themselves (or sample) under -short and run in a second pass without
## the race detector, which would make them several times slower
test: vet fmt-check postgres git browser-deps fuzz
	$(GO) test -race -short -count=1 -timeout 20m ./...
	$(GO) test -count=1 -timeout 20m -run 'TestSharedSets|TestSuggestConfidenceCalibration|TestKillDuring|TestCommonMarkSpec' ./eval/ ./search/ ./server/

## fuzz: each Go fuzz target for FUZZTIME (default 10s) beyond its seed corpus
## (testdata/fuzz/FuzzX of its package; the seeds also run with every go
## test): front matter and Markdown (indexer), query analysis in the four
## languages (search/analysis), suggest (search). A failing input is written
## to that folder: fix the bug and commit the input as a regression seed.
FUZZTIME ?= 10s
FUZZ_TARGETS := FuzzFrontMatter:./indexer/ FuzzMarkdown:./indexer/ FuzzAnalyze:./search/analysis/ FuzzSuggest:./search/
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz $${t%%:*} $${t#*:} for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t%%:*}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $${t#*:}; \
	done

## browser-deps: the site's browser test drives Debian's chromium; install it
## when missing and we are root (under CI=true the test fails without it)
browser-deps:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else echo "chromium is not installed and we are not root: the browser test will be skipped (it fails under CI=true)"; fi

## postgres: the analytics store tests run a real PostgreSQL (started in a temp
## dir); install it when initdb is missing and we are root (Debian/Ubuntu)
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql; \
	else echo "postgresql is not installed and we are not root: the PostgreSQL store tests will be skipped (they fail under CI=true)"; fi

## git: the git-metadata tests (indexer) run git in temp repositories
git:
	@if command -v git >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git; \
	else echo "git is not installed and we are not root: install git for the indexer tests"; exit 1; fi

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

lint: vet fmt-check
	@command -v staticcheck >/dev/null 2>&1 && staticcheck ./... || echo "staticcheck not installed; ran go vet and gofmt only"

## bench: indexing and search benchmarks on a generated 20k-article corpus
bench:
	$(GO) test -run '^$$' -bench . -benchtime 1x -timeout 60m ./bench/

## eval: search quality on the shared sets; prints the README table
eval: build
	BIN=$(BIN) scripts/eval.sh $(EVAL)

## eval-suggest: suggest on the suggest set (eval/testdata/suggest) over the
## sample content, as an agent of every tier; prints the README table
eval-suggest: build
	./$(BIN) eval-suggest --set eval/testdata/suggest --content content

## eval-cv: leave-one-group-out over the shared groups: for each group the
## ranker is trained on the other five (and the sample's questions) and
## scored on the one left out; prints the README table
eval-cv: build
	./$(BIN) train --cv --sets $(EVAL)

## train: learn the ranker's weights from the shared sets and the sample
## content's questions into search/ranker.json (deterministic)
train: build
	./$(BIN) train --sets $(EVAL) --out search/ranker.json

clean:
	rm -rf bin .spravka
