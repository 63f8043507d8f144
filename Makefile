# Two commands matter (see README): `make demo` and `make test`.
# Both create .venv on first use and reinstall when pyproject.toml changes.
# Another interpreter gets its own venv: `make test PYTHON=python3.13 VENV=.venv313`
# (what .ci/run does for the second supported Python).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# fonts-noto-color-emoji: customers text emoji; without a colour emoji font Qt draws boxes.
DEBIAN_LIBS := libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 \
	libpulse0 libxrandr2 fonts-dejavu-core fonts-noto-color-emoji
# A real window on X11 needs these too (Qt 6.5+ will not start without libxcb-cursor0,
# which many desktops lack); `make demo` installs them, tests run offscreen.
DISPLAY_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-util1

.PHONY: demo test lint bench snapshot sandbox system-deps display-deps clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

# Debian packages missing from the list $(1) are installed; only attempted as root.
define install_missing
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
		if [ -n "$$missing" ]; then apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi; \
	fi
endef

# Debian libraries Qt needs on a bare machine.
system-deps:
	$(call install_missing,$(DEBIAN_LIBS))

display-deps:
	$(call install_missing,$(DISPLAY_LIBS))

demo: system-deps display-deps $(STAMP) translations
	$(PY) -m app --demo

# pytest's own exit codes pass through: 5 (no test collected) fails like a failed test.
test: system-deps $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check app tests bench tools
	$(PY) -m mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

snapshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --snapshot docs/screenshots

# The French catalog (#17.5): translations/*.ts (in the repo) compiled to .qm.
# Regenerate the .ts from the sources with `python tools/translations.py update`.
TRANSLATIONS_TS := translations/switchboard_fr_CA.ts
translations: $(TRANSLATIONS_TS:.ts=.qm)
$(TRANSLATIONS_TS:.ts=.qm): $(TRANSLATIONS_TS) | $(STAMP)
	$(PY) tools/translations.py build

sandbox: $(STAMP)
	$(PY) -m app.sandbox --port 8765

clean:
	rm -rf .venv .venv313 .pytest_cache .mypy_cache .ruff_cache
