# Two commands matter (see README): `make demo` and `make test`.
# Both create .venv on first use and reinstall when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# fonts-noto-color-emoji: customers text emoji; without a colour emoji font Qt draws boxes.
DEBIAN_LIBS := libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 \
	libpulse0 libxrandr2 fonts-dejavu-core fonts-noto-color-emoji

.PHONY: demo test lint bench snapshot sandbox system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

# Debian libraries Qt needs on a bare machine; only attempted as root.
system-deps:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		missing=""; for p in $(DEBIAN_LIBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
		if [ -n "$$missing" ]; then apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi; \
	fi

demo: system-deps $(STAMP)
	$(PY) -m app --demo

test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check app tests bench tools
	$(PY) -m mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

snapshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --snapshot docs/screenshots

sandbox: $(STAMP)
	$(PY) -m app.sandbox --port 8765

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
