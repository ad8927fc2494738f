# Verbatim — two commands on a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds and opens the app
#   make test   installs what is missing and runs every check CI runs
# See README.md.

GO      ?= go
# sqlite_fts5 turns on SQLite's full-text search in github.com/mattn/go-sqlite3.
TAGS    := sqlite_fts5
GOBUILD := $(GO) build -tags $(TAGS)
export CGO_ENABLED := 1

.PHONY: run test build deps test-deps fmt-check vet unit smoke e2e package package-check clean

run: deps build
	./bin/verbatim

test: test-deps fmt-check vet unit build smoke e2e package-check

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test
	@scripts/test-printer.sh

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

unit:
	$(GO) test -race -tags $(TAGS) ./...

build:
	$(GOBUILD) -o bin/verbatim ./cmd/verbatim
	$(GOBUILD) -o bin/verbatim-cli ./cmd/verbatim-cli

smoke: build
	scripts/smoke-test.sh bin/verbatim

# e2e drives the real app under Xvfb: import by argument, hand-over to the
# running window, change a speaker by keyboard, restart (screenshots in docs/).
e2e: build
	scripts/e2e-test.sh bin

package: deps build
	scripts/package-linux.sh

clean:
	rm -rf bin dist

# package-check proves `make package` works without leaving the tree dirty.
package-check: build
	scripts/package-linux.sh
	@git diff --quiet -- FyneApp.toml || { echo "packaging left FyneApp.toml changed"; exit 1; }
