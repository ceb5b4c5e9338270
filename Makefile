# unspin: `make clean-seeds` runs the pipeline on seeds/ into out/; `make test` runs the tests.
# Both install dependencies and build first when needed.

SHELL := /bin/bash
NODE_MODULES := node_modules/.package-lock.json
SOURCES := $(shell find pipeline -name '*.ts' 2>/dev/null)
BUILT := dist/.built

.PHONY: all install build clean-seeds test eval fit-generic bench typecheck clean

all: build

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: $(NODE_MODULES)

$(BUILT): $(NODE_MODULES) $(SOURCES) tsconfig.json
	rm -rf dist
	npx tsc -p tsconfig.json
	chmod +x dist/pipeline/cli.js
	@touch $@

build: $(BUILT)

clean-seeds: $(BUILT)
	node dist/pipeline/cli.js seeds --out out

# The build type-checks pipeline/; tsconfig.dev.json adds dev/ and tests/, which tsx and
# vitest would otherwise run without checking.
test: $(BUILT)
	npx tsc -p tsconfig.dev.json
	npx vitest run

typecheck: $(NODE_MODULES)
	npx tsc -p tsconfig.dev.json

eval: $(BUILT)
	npx tsx dev/eval/intrinsic.ts
	npx tsx dev/eval/detect.ts
	npx tsx dev/eval/restore.ts

fit-generic: $(NODE_MODULES)
	npx tsx dev/eval/fit-generic.ts

bench: $(BUILT)
	npx tsx dev/bench.ts

clean:
	rm -rf dist out .cache
