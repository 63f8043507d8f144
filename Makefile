# Two commands matter (see README): `make demo` and `make test`.
# Both create .venv on first use and reinstall when pyproject.toml changes:
# `make demo` installs the runtime dependencies only, `make test` adds the dev
# extras, `make bundle` adds PyInstaller; each has its own stamp, so switching
# between them installs only what is missing.
# Another interpreter gets its own venv: `make test PYTHON=python3.13 VENV=.venv313`
# (what .ci/run does for the second supported Python).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev
BUNDLE_STAMP := $(VENV)/.installed-bundle
# fonts-noto-color-emoji: customers text emoji; without a colour emoji font Qt draws boxes.
DEBIAN_LIBS := libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 \
	libpulse0 libxrandr2 fonts-dejavu-core fonts-noto-color-emoji
# The notification tests talk to a real notification daemon (dunst) on a private
# D-Bus session under Xvfb; CI must have them so those tests never skip there.
NOTIFY_TEST_DEPS := dunst dbus-x11 xvfb xauth
# A real window on X11 needs these too (Qt 6.5+ will not start without libxcb-cursor0,
# which many desktops lack); `make demo` installs them, tests run offscreen.
DISPLAY_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-util1

.PHONY: demo test lint bench snapshot sandbox system-deps display-deps test-deps clean \
	bundle bundle-check install-desktop uninstall-desktop translations

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# Runtime only: what `make demo` and a user need.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

# Runtime + dev tools (pytest, mypy, ruff...).
$(DEV_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

# Runtime + PyInstaller.
$(BUNDLE_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[bundle]'
	touch $@

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

test-deps:
	$(call install_missing,$(NOTIFY_TEST_DEPS) $(DISPLAY_LIBS))

demo: system-deps display-deps $(STAMP) translations
	$(PY) -m app --demo

# pytest's own exit codes pass through: 5 (no test collected) fails like a failed test.
test: system-deps test-deps $(DEV_STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	$(PY) -m ruff check app tests bench tools packaging
	$(PY) -m mypy

bench: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

snapshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --snapshot docs/screenshots

sandbox: $(STAMP)
	$(PY) -m app.sandbox --port 8765

# The French catalog (#17.5): translations/*.ts (in the repo) compiled to .qm.
# Regenerate the .ts from the sources with `python tools/translations.py update`.
TRANSLATIONS_TS := translations/switchboard_fr_CA.ts
translations: $(TRANSLATIONS_TS:.ts=.qm)
$(TRANSLATIONS_TS:.ts=.qm): $(TRANSLATIONS_TS) | $(STAMP)
	$(PY) tools/translations.py build

# A one-folder bundle in dist/switchboard/ (packaging/README.md; ~40 s, ~370 MB).
bundle: system-deps $(BUNDLE_STAMP) translations
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/switchboard.spec

# The bundle's smoke test: its --demo --snapshot shows every tab with data.
bundle-check: bundle
	QT_QPA_PLATFORM=offscreen $(PY) packaging/check_bundle.py dist/switchboard

# The launcher entry and icon for this user (XDG_DATA_HOME, default ~/.local/share).
# EXEC: the command the launcher runs (default: this checkout's venv; the bundle:
# make install-desktop EXEC=$$PWD/dist/switchboard/switchboard).
EXEC ?= $(abspath $(VENV))/bin/switchboard
install-desktop: $(STAMP)
	$(PY) -m app.ui.desktop_files install --exec '"$(EXEC)"'

uninstall-desktop: $(STAMP)
	$(PY) -m app.ui.desktop_files uninstall

clean:
	rm -rf .venv .venv313 .pytest_cache .mypy_cache .ruff_cache build dist
