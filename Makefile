# Convenience wrapper around CMake (as neovim does): `make`, `make run`, `make test`, `make clean`.
BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
WERROR     ?= OFF
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
ARGS       ?=

CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DTRAIL_WERROR=$(WERROR) \
               -DCMAKE_INSTALL_PREFIX=$(PREFIX)

.PHONY: all build run test clean deps deps-build install

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

test: deps
	$(MAKE) build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD_DIR) build-*
