# Trạm công dân số - developer commands. `make run` and `make test` do all the set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export ESCPOS_CAPABILITIES_PICKLE_DIR := $(CURDIR)/$(VENV)/escpos-cache

.PHONY: run test lint bench screenshots build deb i18n sysdeps venv clean lock

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs are reproducible: the locked versions with their hashes (requirements/*.lock), then the project itself.
$(STAMP): pyproject.toml requirements/dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@mkdir -p $(ESCPOS_CAPABILITIES_PICKLE_DIR)
	@touch $(STAMP)

venv: $(STAMP)

# One lock a part (a station, the hub) and one for development; uv resolves for Python 3.11 on PyPI.
LOCK = $(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 --quiet \
       --custom-compile-command "make lock"
lock: | $(BIN)/python
	@test -x $(BIN)/uv || $(BIN)/pip install --quiet uv
	$(LOCK) --extra kiosk -o requirements/kiosk.lock
	$(LOCK) --extra hub -o requirements/hub.lock
	$(LOCK) --extra kiosk --extra hub --extra dev --extra build -o requirements/dev.lock

# System libraries a fresh Debian/Ubuntu lacks: libzbar0 (pyzbar), libusb (USB printers), alsa-utils (scan tone),
# xvfb (screenshots),
# fonts and the Qt xcb runtime libraries (a real window).
SYSPKGS := libzbar0 libusb-1.0-0 alsa-utils xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
           libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libegl1 libgl1 \
           libfontconfig1 libdbus-1-3
SYSPKGS += weston lintian dpkg-dev systemd  # the kiosk session (Weston kiosk-shell, headless test), make deb + lintian, systemd-analyze (kiosk and hub units)
SYSPKGS += espeak-ng  # offline Vietnamese speech for the spoken guidance (devices/voice)
SYSPKGS += postgresql  # the hub suite runs on a throw-away PostgreSQL cluster too (tests/postgres.py)
SYSPKGS += prometheus  # promtool checks and unit-tests deploy/hub/alerts.yml (tests/hub/test_alert_rules.py)
SYSPKGS += caddy  # TLS in front of the hub (deploy/hub/Caddyfile); tests/tls runs a real Caddy
SYSPKGS += chromium  # browser tests: the hub's office pages and the telehealth doctor's page with a fake camera/microphone (Playwright drives Debian's chromium)
sysdeps:
	@missing=$$(for p in $(SYSPKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing system packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages. Run:  sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

i18n: $(STAMP)
	$(BIN)/python -m kiosk.i18n build

# With hub.local_hub (the default) and no hub URL, a demo hub runs on 127.0.0.1 beside the kiosk (tools/dev_run.py).
run: sysdeps $(STAMP) i18n
	$(BIN)/python tools/dev_run.py $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(BIN)/python -m kiosk.i18n check

# The suite, then the frozen bundle: it is built and must pass its own --self-test (about a minute),
# then the Debian package: built, lintian-clean, unpacked into a scratch root where it self-tests again and
# runs its kiosk session under Weston's headless backend as the tram user.
test: sysdeps $(STAMP) i18n lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n auto -m "not slow and not hardware" $(PYTEST_ARGS)
	@$(MAKE) --no-print-directory deb
	KIOSK_DEB=$(DEB) $(BIN)/pytest -p no:randomly -q tests/appliance/test_deb.py tests/appliance/test_session.py

bench: sysdeps $(STAMP) i18n
	@# run as modules: bench/queue.py must not shadow the standard library's queue module
	@for b in bench/[a-z]*.py bench/[a-z]*/__main__.py; do m=$$(basename $${b%/__main__.py} .py); echo "== bench.$$m"; \
	  QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.$$m || exit 1; done

screenshots: sysdeps $(STAMP) i18n
	rm -rf screenshots
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/kiosk --screenshots screenshots/landscape
	xvfb-run -a -s "-screen 0 1080x1920x24" $(BIN)/kiosk --screenshots screenshots/portrait
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/kiosk --screenshots screenshots/small
	@echo "PNG files written under screenshots/"

build: sysdeps $(STAMP) i18n
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN kiosk.spec
	QT_QPA_PLATFORM=offscreen dist/kiosk/kiosk --self-test 2>build/self-test.log || \
	  { tail -40 build/self-test.log; exit 1; }

# tram-kiosk_<version>_<arch>.deb from the bundle (/opt/tram-kiosk), with units, udev rules, the Weston
# session and the conffile generated from the config schema; lintian must report no errors.
DEB = dist/tram-kiosk_$(shell $(PYTHON) -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')_$(shell dpkg --print-architecture).deb
deb: build
	$(BIN)/python deploy/debian/build_deb.py --bundle dist/kiosk --out dist
	lintian --fail-on error $(DEB)

clean:
	rm -rf build dist screenshots .pytest_cache .ruff_cache core/assets/i18n/*.qm
