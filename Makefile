# SPDX-License-Identifier: MIT
# Convenience wrapper around CMake (as neovim does): `make`, `make run`, `make test`, `make clean`.
BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
WERROR     ?= OFF
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
ARGS       ?= ml-engineer
# The test suite: AUTO builds it when cmocka is installed; `make test` asks for it (ON).
TESTS      ?= AUTO

SANITIZE   ?= OFF
ASAN_DIR   ?= build-asan

CMAKE_FLAGS = -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DTRAIL_WERROR=$(WERROR) \
              -DTRAIL_SANITIZE=$(SANITIZE) -DCMAKE_INSTALL_PREFIX=$(PREFIX) \
              -DTRAIL_TESTS=$(TESTS)

.PHONY: all build run test test-plain test-asan clean deps deps-build install uninstall bench

all: build

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

build: $(BUILD_DIR)/CMakeCache.txt
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD_DIR) -j $(JOBS)

deps:
	sh scripts/deps.sh test

deps-build:
	sh scripts/deps.sh build

run: deps-build
	$(MAKE) build
	./$(BUILD_DIR)/trail $(ARGS)

# The whole suite runs twice: as built, and under AddressSanitizer + UBSan with leak checking.
# It tests trail's behaviour only; the checks below have targets of their own.
test: deps
	$(MAKE) test-plain
	$(MAKE) test-asan

test-plain:
	$(MAKE) build TESTS=ON
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

test-asan:
	$(MAKE) build BUILD_DIR=$(ASAN_DIR) SANITIZE=ON BUILD_TYPE=Debug TESTS=ON
	cd $(ASAN_DIR) && ctest --output-on-failure -j $(JOBS)

# Checks beside the test suite (tests/checks/run.sh runs them; .ci/run calls each target after
# `make test`). A check whose tool is missing says SKIPPED; it never passes in silence.
.PHONY: lint memcheck bench-smoke package-test fuzz-replay
CHECK = sh tests/checks/run.sh $(BUILD_DIR)

# gcc -fanalyzer, cppcheck and clang-tidy on src/: no warning; the MIT licence and every source
# file's SPDX line.
lint: build
	$(CHECK) static_analysis licence_spdx

# The unit tests, every non-interactive mode of the binary and the browser at the smallest
# sizes under valgrind's memcheck.
memcheck: build
	$(CHECK) memcheck memcheck_tui

# The benchmark at its smallest size: the table comes out (no speed is asserted).
bench-smoke: build
	$(CHECK) bench_smoke

# make package, then the .deb's fields, contents, hardening and lintian, and trail used from its
# installed paths; and a plain cmake build with the test libraries hidden.
package-test: build
	$(CHECK) package_deb build_without_tests

# Every fuzz harness once on its seeds, the bundled content and its regressions, as built and
# under ASan+UBSan (the libFuzzer runs themselves are `make fuzz`).
fuzz-replay: build
	cmake --build $(BUILD_DIR) --target fuzz_replay -j $(JOBS)
	$(MAKE) build BUILD_DIR=$(ASAN_DIR) SANITIZE=ON BUILD_TYPE=Debug
	cmake --build $(ASAN_DIR) --target fuzz_replay -j $(JOBS)

# Tables generated from the Unicode data (Debian package unicode-data, in UCD_DIR): the
# sanitiser's invisible code points and the search's case folding. tests/e2e/unicode_tables.sh
# and tests/e2e/unicode_fold_table.sh check they are up to date.
UCD_DIR ?= /usr/share/unicode

.PHONY: unicode-tables
unicode-tables:
	python3 scripts/gen_invisible_table.py $(UCD_DIR) > src/base/text_invisible_table.inc.new
	mv src/base/text_invisible_table.inc.new src/base/text_invisible_table.inc
	python3 scripts/gen_fold_table.py $(UCD_DIR) > src/model/search_fold_table.inc.new
	mv src/model/search_fold_table.inc.new src/model/search_fold_table.inc

# Benchmarks (bench/run.sh): a Release build of its own, then one table of figures.
BENCH_DIR ?= build-release

bench: deps-build
	$(MAKE) build BUILD_DIR=$(BENCH_DIR) BUILD_TYPE=Release
	bash bench/run.sh $(BENCH_DIR)

# cmake --install records every file it installs in $(BUILD_DIR)/install_manifest.txt;
# `make uninstall` removes those files, then the directories of trail's own that are left empty.
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

uninstall:
	sh scripts/uninstall.sh $(BUILD_DIR)/install_manifest.txt

clean:
	rm -rf $(BUILD_DIR) build-*

# Debian package (CPack): a Release build of its own, installed under /usr, without the tests;
# the .deb is left in $(PKG_DIR). Needs dpkg-shlibdeps (dpkg-dev) for exact dependencies. It
# links libyaml and ncursesw as shared libraries, so that Debian's security updates of them
# reach the installed trail (docs/security.md), and looks for guides where it installs them
# only, not in this source tree.
PKG_DIR ?= build-deb

.PHONY: package
package: deps-build
	cmake -S . -B $(PKG_DIR) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
	      -DTRAIL_TESTS=OFF -DTRAIL_WERROR=$(WERROR) -DTRAIL_SANITIZE=OFF -DTRAIL_STATIC_LIBS=OFF \
	      -DTRAIL_SOURCE_GUIDES=OFF -DTRAIL_DEB=ON
	cmake --build $(PKG_DIR) -j $(JOBS)
	cd $(PKG_DIR) && cpack -G DEB

# libFuzzer harnesses (tests/fuzz), built with clang in their own directory, each run for
# FUZZ_SECONDS on a working copy of its seed corpus: `make fuzz FUZZ_SECONDS=1800` for a long run.
FUZZ_SECONDS ?= 60
FUZZ_DIR     ?= build-fuzz
FUZZ_TARGETS ?=

.PHONY: fuzz
fuzz:
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_C_COMPILER=clang -DTRAIL_FUZZ=ON -DTRAIL_TESTS=OFF \
	    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRAIL_WERROR=$(WERROR) >/dev/null
	cmake --build $(FUZZ_DIR) --target fuzz_harnesses -j $(JOBS)
	TRAIL_SOURCE_DIR=$(CURDIR) TRAIL_CORPUS_DIR=$(CURDIR)/../shared/corpus \
	    sh tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)
