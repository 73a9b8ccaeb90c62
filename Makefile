# briefgen: CSV datasets + Markdown templates -> PDF and HTML briefings.
#
#   make example   install missing packages, build, render examples/ into out/
#   make test      the whole suite (plain, then ASan+UBSan); last line "N passed, N failed"
#   make install   PREFIX=/usr/local DESTDIR=
#
# The pipeline is visible in generator/: read (csv_read, table, dataset)
# -> analytics (calc_*, query*) -> template expansion (kv, tmpl_*) ->
# layout (font, dl, chart*, layout) -> writers (pdf_hpdf, chart_cairo,
# html*, tree).  generator/HEADERS says which module may include what.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/briefgen
MANDIR    = $(PREFIX)/share/man

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wno-unused-parameter -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wpointer-arith -Wformat=2
PKGS      = cairo cairo-svg cairo-png cairo-ft freetype2 libcmark libunibreak yaml-0.1
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# Debian ships no .pc files for libharu and libcsv.
LIBS      = $(PKG_LIBS) -lhpdf -lcsv -lm -lpthread
DEFS      = -D_GNU_SOURCE -DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"'

# BUILD selects the build folder; SAN=1 builds with AddressSanitizer
# and UndefinedBehaviorSanitizer into build/asan.
BUILD    ?= build
ifeq ($(SAN),1)
BUILD     = build/asan
CFLAGS    = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
            -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
endif

SRCS      = $(sort $(wildcard generator/*.c))
OBJS      = $(SRCS:generator/%.c=$(BUILD)/obj/%.o)
LIBOBJS   = $(filter-out $(BUILD)/obj/main.o,$(OBJS))
UNIT_SRCS = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

EXAMPLES  = $(sort $(wildcard examples/*.md))
EX_PDF    = $(EXAMPLES:examples/%.md=out/%.pdf)

.PHONY: all deps test-deps example test units check-san install uninstall \
        clean fonts analyze lint

all: $(BUILD)/briefgen

$(BUILD)/briefgen: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(BUILD)/obj/%.o: generator/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEFS) $(CFLAGS) $(WARN) $(PKG_CFLAGS) -MMD -MP \
	    -c $< -o $@

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIBOBJS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEFS) $(CFLAGS) $(WARN) $(PKG_CFLAGS) \
	    -Igenerator -Itests/unit $(LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

units: $(UNIT_BINS) $(BUILD)/bench/chartgallery

# The chart gallery (docs/gallery/): every kind of chart from the data
# in datasets/, one by one as SVG and PNG (bench/chartgallery, which
# with -n N also times them), and the template gallery.md rendered to
# PDF and HTML by briefgen.
$(BUILD)/bench/chartgallery: bench/chartgallery.c $(LIBOBJS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEFS) $(CFLAGS) $(WARN) $(PKG_CFLAGS) \
	    -Igenerator $(LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

.PHONY: gallery
gallery: $(BUILD)/bench/chartgallery $(BUILD)/briefgen
	$(BUILD)/bench/chartgallery -o docs/gallery
	SOURCE_DATE_EPOCH=1753401600 $(BUILD)/briefgen build -q \
	    -o docs/gallery docs/gallery/gallery.md

# The HTML style sheet is compiled in; generator/html_css.c is made
# from it (and committed, so a build needs only a C compiler).
HTML_CSS  = templates/html/base.css templates/html/dark.css \
            templates/html/print.css
generator/html_css.c: $(HTML_CSS) templates/html/css2c.sh
	sh templates/html/css2c.sh $(HTML_CSS) >$@.tmp && mv $@.tmp $@

-include $(OBJS:.o=.d)

# Install what a fresh Debian 12 machine lacks (apt-get as root;
# otherwise print the command and stop).
deps:
	@.ci/install-deps build

test-deps:
	@.ci/install-deps build test

# Render every example briefing into out/.  Each briefing's depfile
# lists every template, dataset and font it read, so a second run does
# no work unless an input changed.
example: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory examples-out

.PHONY: examples-out
examples-out: $(EX_PDF)

out/%.pdf out/%.html: examples/%.md $(BUILD)/briefgen
	@mkdir -p out $(BUILD)/deps
	$(BUILD)/briefgen build -q -o out -M $(BUILD)/deps/$*.d $<

-include $(wildcard $(BUILD)/deps/*.d)

# The whole suite: plain build, then the sanitizer build, each through
# the same runner; the runner prints "N passed, N failed" last.
test: test-deps
	@$(MAKE) --no-print-directory all units
	@$(MAKE) --no-print-directory SAN=1 all units
	@tests/run --build build --asan build/asan

# Regenerate fonts/ from Debian's font packages (see fonts/README.md).
fonts:
	/usr/bin/python3 fonts/prepare.py fonts

analyze:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	    --inline-suppr -D_GNU_SOURCE generator
	clang-tidy --quiet $(SRCS) -- $(DEFS) $(PKG_CFLAGS)

lint: analyze

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/fonts \
	    $(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/briefgen $(DESTDIR)$(BINDIR)/briefgen
	install -m 644 fonts/*.ttf fonts/fonts.conf $(DESTDIR)$(DATADIR)/fonts
	install -m 644 templates/themes/*.yaml $(DESTDIR)$(DATADIR)/themes
	install -m 644 docs/briefgen.1 $(DESTDIR)$(MANDIR)/man1/briefgen.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/briefgen $(DESTDIR)$(MANDIR)/man1/briefgen.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build out
