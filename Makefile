# 督办助手: `make run` (everything on embedded defaults) and `make test` (the whole suite).
# The first interpreter that really runs and is 3.11+ (pyenv shims exist for versions that are not active).
PYTHON ?= $(shell for p in python3 python3.11 python3.12 python3.13; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { command -v $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test install install-dev bench lint browsers clean

$(VENV)/.runtime: requirements.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11+ is required (python3 --version)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

run: install
	$(PY) -m bot run

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

# Each prints its figures and a `ratio=` line; none asserts. `make bench BENCHES="webhook ocr"` runs a few.
BENCHES ?= webhook wecom_callback dingtalk_callback routing repeats repeat_pairs ocr reminder_latency sweep summary topics dashboard
bench: install-dev
	@for b in $(BENCHES); do echo "== bench/$$b.py"; $(PY) bench/$$b.py || exit 1; done

lint: install-dev
	$(PY) -m ruff check bot handlers models tests bench
	$(PY) -m mypy
	$(VENV)/bin/lint-imports  # layers and no import cycles (.importlinter)

clean:
	rm -rf var .pytest_cache
