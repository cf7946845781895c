# Cove: `make run` serves it on SQLite; `make test` runs the whole suite.
SHELL := /bin/bash
UV = $(shell scripts/bootstrap.sh)
export UV_PYTHON_DOWNLOADS := never
PORT ?= 8000

.PHONY: run test lint check suite demo benchmark load load-nodes clean

run:  ## Set everything up and serve Cove on http://127.0.0.1:$(PORT)/ (SQLite)
	@uv="$(UV)"; "$$uv" sync --frozen --no-dev --quiet && scripts/ensure-ffmpeg.sh && "$$uv" run --frozen --no-dev cove serve --port $(PORT)

test:  ## Set everything up and run the whole suite: lint, types, tests (incl. browser tests)
	@uv="$(UV)"; "$$uv" sync --frozen --quiet && scripts/ensure-chromium.sh && scripts/ensure-proxy.sh && scripts/ensure-ffmpeg.sh && \
	  "$$uv" run --frozen ruff check . && \
	  "$$uv" run --frozen mypy cove && \
	  "$$uv" run --frozen pytest -n 2 --dist worksteal -q

lint:
	@uv="$(UV)"; "$$uv" run --frozen ruff check . && "$$uv" run --frozen mypy cove

suite:  ## Only the tests (no lint), e.g. DATABASE_URL=postgres://… make suite
	@uv="$(UV)"; "$$uv" run --frozen pytest -n 2 --dist worksteal -q

demo:  ## Create demo accounts with sample data
	@uv="$(UV)"; "$$uv" sync --frozen --no-dev --quiet && "$$uv" run --frozen --no-dev cove demo

benchmark:  ## Measure the cost of privacy and page times (see docs/performance.md)
	@uv="$(UV)"; "$$uv" run --frozen python -m cove.benchmarks

load:  ## Cove under parallel load, page by page, with wrk (see docs/performance.md)
	@uv="$(UV)"; "$$uv" sync --frozen --quiet && scripts/ensure-wrk.sh && \
	  "$$uv" run --frozen python -m cove.loadbench

load-nodes:  ## Two nodes behind nginx on PostgreSQL, a mix of pages (DATABASE_URL=postgres://…)
	@uv="$(UV)"; "$$uv" sync --frozen --quiet && scripts/ensure-wrk.sh && scripts/ensure-proxy.sh && \
	  COVE_LOAD_NODES=2 "$$uv" run --frozen python -m cove.loadbench

clean:
	rm -rf .venv .tools test-artifacts
