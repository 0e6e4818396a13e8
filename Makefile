# Copydesk. `make run` builds and starts the app with the demo articles;
# `make test` installs what the tests need and runs them all.
GO      ?= go
BIN     := bin/copydesk
BENCH   ?= .

.PHONY: run build test lint bench accuracy deps

run: build
	./$(BIN) serve --demo

build: deps
	$(GO) build -o $(BIN) ./cmd/copydesk

deps:
	@bash .ci/deps.sh

test: deps
	$(GO) test -race -count=1 ./...

lint:
	@out=$$(gofmt -l cmd internal); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench: deps
	$(GO) test -run='^$$' -bench='$(BENCH)' -benchmem -count=1 ./...

# Sentence-boundary and alignment accuracy on the gold data in testdata/gold.
accuracy:
	$(GO) test -count=1 -run 'Accuracy' -v ./internal/segment/ ./internal/align/ | grep -v '^=== '
