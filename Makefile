# spravka — build, run, test. Every target works on a fresh machine with Go.
GO      ?= go
BIN     := bin/spravka
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
EVAL    ?= ../shared/eval

.PHONY: all build run test vet fmt-check lint bench eval clean

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/spravka

## run: build, index the sample content and serve it on http://127.0.0.1:8080
run: build
	./$(BIN) serve --content content --addr 127.0.0.1:8080 --data .spravka

## test: vet, gofmt check, and every test with the race detector
test: vet fmt-check
	$(GO) test -race -count=1 -timeout 20m ./...

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

clean:
	rm -rf bin .spravka
