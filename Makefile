# Two commands do everything on a fresh machine: `make report` and `make test`.
# Both create .venv (Python 3.11) and install the pinned requirements.lock on first use.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -c "from analysis.pipeline import ensure_kernel; ensure_kernel()"
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies

report: $(STAMP) ## run the notebooks and render build/report/index.html and index.pdf (ARGS="--corpus DIR -p key=value")
	$(BIN)/python -m analysis run $(ARGS)

test: $(STAMP) ## lint, unit tests, every notebook (nbval), end-to-end render and browser check
	$(BIN)/ruff check analysis tests benchmarks
	$(BIN)/nbstripout --verify notebooks/*.ipynb
	scratch=$$(mktemp -d) && ANALYSIS_SCRATCH_DIR=$$scratch ANALYSIS_CACHE_DIR=$$scratch/cache \
	  $(BIN)/python -m pytest tests notebooks --nbval-lax \
	  --nbval-current-env; status=$$?; rm -rf "$$scratch"; exit $$status

evaluate: $(STAMP) ## score every labelled corpus at once: cleaning, claims, transactions, certainty, stage, dates
	$(BIN)/python -m analysis evaluate --corpus seeds --labels tests/fixtures/seeds
	$(BIN)/python -m analysis evaluate --corpus examples/harbor-lumen --labels examples/harbor-lumen
	$(BIN)/python -m analysis evaluate --corpus tests/fixtures/unseen_shapes --labels tests/fixtures/unseen_shapes
	$(BIN)/python -m analysis evaluate --all $(ARGS)

bench: $(STAMP) ## speed and memory benchmarks, written to benchmarks/results.md (ARGS=--quick skips the slowest parts)
	@$(BIN)/python -c "import quantulum3" 2>/dev/null || $(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[bench]"
	$(BIN)/python benchmarks/run.py $(ARGS)

lab: $(STAMP) ## Jupyter Lab on notebooks/ (ARGS="--port 8890 --no-browser"; as root adds --allow-root)
	$(BIN)/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root) $(ARGS)

clean: ## remove generated output (build/, report/_output)
	rm -rf build report/_output report/.quarto

distclean: clean ## also remove .venv
	rm -rf $(VENV)

.PHONY: help install report test evaluate bench lab clean distclean
