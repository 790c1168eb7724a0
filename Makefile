# The two commands: `make run` and `make test` (see README.md).
# Both install the missing Debian packages first (.ci/install-deps).

BUILDDIR ?= build
SCREENSHOTS = $(BUILDDIR)/screenshots
XVFB = xvfb-run -a -s "-screen 0 1280x800x24"

# Run uninstalled: the compiled schema, the translations and no
# accessibility bus (a bare root session has none).
UNINSTALLED_ENV = GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data KEFU_LOCALEDIR=$(BUILDDIR)/po KEFU_HELPDIR=help

.PHONY: all deps build run test screenshots bench clean

all: build

deps:
	@./.ci/install-deps

build: deps
	@if [ ! -f $(BUILDDIR)/build.ninja ]; then meson setup $(BUILDDIR); fi
	meson compile -C $(BUILDDIR)

run: build
	$(UNINSTALLED_ENV) $(BUILDDIR)/src/kefu --demo

test: build
	@status=0; meson test -C $(BUILDDIR) --print-errorlogs || status=$$?; \
	python3 tests/summarize-results.py $(BUILDDIR)/meson-logs/testlog.json; \
	exit $$status

# Every view, light and dark, in Chinese and in English.
screenshots: build
	rm -rf $(SCREENSHOTS)
	for lang in zh_CN en; do \
	  case $$lang in zh_CN) locale=zh_CN.UTF-8;; *) locale=en_US.UTF-8;; esac; \
	  for scheme in "" --dark; do \
	    LANGUAGE=$$lang LC_ALL=$$locale GSETTINGS_BACKEND=memory GTK_A11Y=none $(UNINSTALLED_ENV) \
	      $(XVFB) $(BUILDDIR)/tests/kefu-screenshots $(SCREENSHOTS)/$$lang $$scheme || exit 1; \
	  done; \
	done

# Benchmarks (not tests): figures beside their floors, see bench/.
bench: build
	sh bench/run-import.sh $(BUILDDIR)
	sh bench/run-metrics.sh $(BUILDDIR)
	sh bench/run-export.sh $(BUILDDIR)
	sh bench/run-charts.sh $(BUILDDIR)
	sh bench/run-rescore.sh $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR)
