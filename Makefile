# Dossier — build, run and test on Debian.
#
#   make run     install the build packages if missing, build, open the window
#   make test    install the test packages if missing, then format check, vet,
#                staticcheck and every test (the real window under Xvfb too)
#   make lint    format check, vet and staticcheck only
#   make bench   run the benchmarks and write BENCHMARKS.md

.DEFAULT_GOAL := build

# Debian packages: cgo and the X11/OpenGL headers Fyne compiles against;
# the test tools: a virtual display, window lookup, screenshots, the SQLite
# shell, and LibreOffice to check exported workbooks open.
BUILD_PACKAGES := gcc pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev
TEST_PACKAGES := sqlite3 xvfb xauth xdotool imagemagick libreoffice-calc-nogui
# The peers the benchmarks measure us against: the sqlite3 shell (above),
# grep, and XlsxWriter for Debian's python3.
BENCH_PACKAGES := grep python3-xlsxwriter

# apt-get needs root: use sudo only when not root already.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Fyne reports an error at start-up with the C locale.
export LANG := en_US.UTF-8
export CGO_ENABLED := 1

BINARY := bin/dossier

.PHONY: build run test lint bench deps-build deps-test deps-bench fmt-check vet staticcheck clean

# install-missing installs the listed packages that dpkg does not report as
# installed; apt-get update runs only when something is missing.
define install-missing
	@missing=""; \
	for p in $(1); do \
		dpkg -s "$$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi
endef

deps-build:
	$(call install-missing,$(BUILD_PACKAGES))

deps-test: deps-build
	$(call install-missing,$(TEST_PACKAGES))

deps-bench: deps-test
	$(call install-missing,$(BENCH_PACKAGES))

build: deps-build
	go build -o $(BINARY) .

run: deps-build build
	./$(BINARY) $(ARGS)

fmt-check:
	@unformatted="$$(gofmt -l .)"; \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt needed on:"; echo "$$unformatted"; exit 1; \
	fi

vet: deps-build
	go vet ./...

staticcheck: deps-build
	go tool staticcheck ./...

lint: fmt-check vet staticcheck

# DOSSIER_E2E=1 turns on the test that starts the real binary under Xvfb.
# go test runs last so that its summary ends the output.
test: deps-test lint
	DOSSIER_E2E=1 go test -race ./...

bench: deps-bench
	go run ./bench/cmd/runner

# Removes what the build and tests wrote into the tree; the Go build cache
# is left alone, as rebuilding Fyne takes minutes.
clean:
	rm -rf bin e2e/out
