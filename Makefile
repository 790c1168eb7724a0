# The two commands: `make run` and `make test` (see README.md).
# Both install the missing Debian packages first (.ci/install-deps).

BUILDDIR ?= build
SCREENSHOTS = $(BUILDDIR)/screenshots
XVFB = xvfb-run -a -s "-screen 0 1280x800x24"

# Run uninstalled: the compiled schema, the translations, the .xls
# reader's process and no accessibility bus (a bare root session has none).
UNINSTALLED_ENV = GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data KEFU_LOCALEDIR=$(BUILDDIR)/po KEFU_HELPDIR=help \
	KEFU_LIBEXECDIR=$(BUILDDIR)/src/xls-reader

.PHONY: all deps build run test test-asan fuzz screenshots bench clean

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

# The whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer;
# LeakSanitizer ignores only the one-time allocations in tests/lsan.supp.
# GTK goes straight to GLX, which it settles on under Xvfb anyway: its
# EGL probe loads Mesa's driver and unloads it again, and what the driver
# kept then has no module for tests/lsan.supp to match.
ASAN_BUILDDIR ?= build-asan
SANITIZER_ENV = \
	GDK_DEBUG=gl-glx \
	ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

test-asan: deps
	@if [ ! -f $(ASAN_BUILDDIR)/build.ninja ]; then \
	  meson setup $(ASAN_BUILDDIR) -Db_sanitize=address,undefined -Db_lundef=false; fi
	meson compile -C $(ASAN_BUILDDIR)
	@status=0; $(SANITIZER_ENV) meson test -C $(ASAN_BUILDDIR) --print-errorlogs --timeout-multiplier=3 || status=$$?; \
	python3 tests/summarize-results.py $(ASAN_BUILDDIR)/meson-logs/testlog.json; \
	exit $$status

# libFuzzer targets (tests/fuzz/), FUZZ_SECONDS each, at the lowest priority.
FUZZ_BUILDDIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= text-reader xlsx-reader sheet-scanner xls-reader value scheme

fuzz: deps
	@if [ ! -f $(FUZZ_BUILDDIR)/build.ninja ]; then \
	  CC=clang meson setup $(FUZZ_BUILDDIR) -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false; fi
	meson compile -C $(FUZZ_BUILDDIR) $(addprefix tests/fuzz/fuzz-,$(FUZZ_TARGETS))
	sh tests/fuzz/run.sh $(FUZZ_BUILDDIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

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

# Benchmarks (not tests): every bench/run-*.sh, then one table of figures
# beside their peers or floors (bench/run-all.sh).
bench: build
	sh bench/run-all.sh $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR)
