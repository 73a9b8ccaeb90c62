/*
 * main.c: the briefgen command.  Parses the command line, then runs
 * the pipeline for each briefing:
 *
 *	template + datasets -> tmpl_build (read, query, expand)
 *	  -> pdf_write (layout, libharu)  -> DIR/NAME.pdf
 *	  -> cairo_svg + html_write       -> DIR/NAME.html
 *
 * Every output is built in memory and written atomically, so a failed
 * build never leaves half a file and never replaces a good one.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aux.h"
#include "batch.h"
#include "chart_cairo.h"
#include "data.h"
#include "dataset.h"
#include "doc.h"
#include "fmt.h"
#include "font.h"
#include "html.h"
#include "msg.h"
#include "pdf.h"
#include "query.h"
#include "tmpl.h"
#include "tree.h"

#ifndef VERSION
#define VERSION "0.1.0"
#endif
#ifndef DATADIR
#define DATADIR "/usr/local/share/briefgen"
#endif

/* Output formats, a bit each. */
#define OUT_PDF		0x01
#define OUT_HTML	0x02
#define OUT_TREE	0x04
#define OUT_LAYOUT	0x08

enum cmd {
	CMD_BUILD,
	CMD_CHECK,
	CMD_DATA,
	CMD_QUERY
};

struct opts {
	enum cmd	 cmd;
	const char	*outdir;
	unsigned	 formats;
	struct param	*params;
	size_t		 nparams;
	const char	*fontdir;
	const char	*depfile;
	const char     **roots;
	size_t		 nroots;
	int		 unsafe;
	const char	*assets;	/* --assets: shared CSS folder */
	int		 quiet;
	int		 json;		/* data --json */
	struct batch_opts batch;	/* parameter file, names, shards, -j */
	struct dsopts	 dsopts;	/* data: how to read the file */
	time_t		 now;
};

static void
usage(FILE *f)
{
	fputs(
"usage: briefgen build [-o DIR] [-f pdf,html] [-D name=value]... TEMPLATE.md...\n"
"       briefgen check [-D name=value]... TEMPLATE.md...\n"
"       briefgen data [--json] [--encoding ENC] FILE.csv\n"
"       briefgen query [--json] [--stream WHEN] [-D name=value]... FILE.csv QUERY\n"
"       briefgen --help | --version\n"
"\n"
"Commands:\n"
"  build            render each template to DIR/NAME.pdf and DIR/NAME.html\n"
"  check            do all the work of build but write nothing\n"
"  data             show how a CSV file is read: columns, types, rows\n"
"  query            run a query (docs/queries.md) on a CSV file, print CSV\n"
"\n"
"Options:\n"
"  -o, --output DIR       output folder (default: out)\n"
"  -f, --format LIST      comma-separated: pdf, html, tree, layout\n"
"                         (default: pdf,html)\n"
"  -D, --define NAME=VAL  set parameter $NAME for templates and queries\n"
"  -M, --depfile FILE     write a Makefile fragment of every file read\n"
"  -j, --jobs N           build N briefings at a time (default: one per core)\n"
"      --params FILE      CSV file, one row of parameters per briefing\n"
"      --name PATTERN     output names, e.g. 'profile-{mineral}'\n"
"      --shard K/N        build only the K-th of N equal shares of the batch\n"
"      --allow DIR        also allow reading files below DIR\n"
"      --fonts DIR        folder holding fonts.conf (default: built in)\n"
"      --unsafe           keep raw HTML and links of any scheme\n"
"      --assets DIR       HTML: shared CSS in DIR below the output folder\n"
"      --werror           treat warnings as errors\n"
"  -q, --quiet            print errors only\n"
"      --json             data: print the rows as JSON\n"
"      --encoding ENC     data: utf-8 (default), latin1 or cp1252\n"
"      --stream WHEN      query: stream the file: auto (large files),\n"
"                         always or never\n"
"  -h, --help             show this help\n"
"  -V, --version          show the version\n"
"\n"
"Exit status: 0 success, 1 bad input, 2 usage, 3 I/O or internal failure.\n",
	    f);
}

static unsigned
parse_formats(const char *s)
{
	char		*dup, *tok, *save = NULL;
	unsigned	 f = 0;

	dup = xstrdup(s);
	for (tok = strtok_r(dup, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "pdf") == 0)
			f |= OUT_PDF;
		else if (strcmp(tok, "html") == 0)
			f |= OUT_HTML;
		else if (strcmp(tok, "tree") == 0)
			f |= OUT_TREE;
		else if (strcmp(tok, "layout") == 0)
			f |= OUT_LAYOUT;
		else {
			fprintf(stderr, "briefgen: error: unknown format "
			    "'%s' (pdf, html, tree, layout)\n", tok);
			f = 0;
			break;
		}
	}
	free(dup);
	return f;
}

static int
add_param(struct opts *o, const char *arg)
{
	const char	*eq;

	if ((eq = strchr(arg, '=')) == NULL || eq == arg) {
		fprintf(stderr, "briefgen: error: -D wants NAME=VALUE, "
		    "not '%s'\n", arg);
		return 0;
	}
	o->params = xreallocarray(o->params, o->nparams + 1,
	    sizeof(*o->params));
	o->params[o->nparams].name = xstrndup(arg, (size_t)(eq - arg));
	o->params[o->nparams].value = xstrdup(eq + 1);
	o->nparams++;
	return 1;
}

/*
 * "Today", from SOURCE_DATE_EPOCH when set, so that builds are
 * reproducible (https://reproducible-builds.org/specs/source-date-epoch/).
 */
static int
source_date(time_t *now)
{
	const char	*s;
	char		*end;
	long long	 v;

	*now = time(NULL);
	if ((s = getenv("SOURCE_DATE_EPOCH")) == NULL || *s == '\0')
		return 1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end != '\0' || v < 0) {
		fprintf(stderr, "briefgen: error: SOURCE_DATE_EPOCH is not "
		    "a number of seconds: '%s'\n", s);
		return 0;
	}
	*now = (time_t)v;
	return 1;
}

/*
 * Find a folder of the installation holding marker: next to the
 * executable (build tree: ../NAME or ../../NAME; installed:
 * ../share/briefgen/NAME), else the compiled-in DATADIR.  Relative to
 * the executable, so that a built tree and an installed copy both work
 * without configuration.
 */
static char *
find_share(const char *const *rel, const char *marker, const char *dflt)
{
	char		 exe[PATH_MAX], *dir, *cand, *file;
	ssize_t		 n;
	size_t		 i;

	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return xstrdup(dflt);
	exe[n] = '\0';
	dir = path_dir(exe);
	for (i = 0; rel[i] != NULL; i++) {
		cand = path_join(dir, rel[i]);
		file = path_join(cand, marker);
		if (access(file, R_OK) == 0) {
			free(file);
			free(dir);
			/* "/usr/share/briefgen/fonts", not "/usr/bin/../share/...". */
			if ((file = realpath(cand, NULL)) != NULL) {
				free(cand);
				cand = file;
			}
			return cand;
		}
		free(file);
		free(cand);
	}
	free(dir);
	return xstrdup(dflt);
}

/* The font set: --fonts, $BRIEFGEN_FONTS, or the installation's. */
static char *
find_fonts(const char *given)
{
	static const char *const rel[] = {
		"../fonts", "../../fonts", "../share/briefgen/fonts", NULL
	};
	const char	*env;

	if (given != NULL)
		return xstrdup(given);
	if ((env = getenv("BRIEFGEN_FONTS")) != NULL && *env != '\0')
		return xstrdup(env);
	return find_share(rel, "fonts.conf", DATADIR "/fonts");
}

/* The built-in themes (theme: letter). */
static char *
find_themes(void)
{
	static const char *const rel[] = {
		"../templates/themes", "../../templates/themes",
		"../share/briefgen/themes", NULL
	};

	return find_share(rel, "default.yaml", DATADIR "/themes");
}

/* Call fn on every figure of the tree. */
static int
each_figure(struct node *n, int (*fn)(struct node *, void *), void *arg)
{
	struct node	*c;
	int		 ok = 1;

	if (n->type == N_FIGURE && n->fig != NULL && !fn(n, arg))
		ok = 0;
	for (c = n->first; c != NULL; c = c->next)
		if (!each_figure(c, fn, arg))
			ok = 0;
	return ok;
}

static int
figure_svg(struct node *n, void *arg)
{
	const struct fontset	*fs = arg;
	struct buf		 b = { NULL, 0, 0 };
	char			 prefix[32];

	if (n->fig->dl == NULL || n->fig->svg != NULL)
		return 1;
	snprintf(prefix, sizeof(prefix), "fig%d-", n->num);
	if (!cairo_svg(n->fig->dl, fs, prefix, n->fig->caption,
	    n->fig->alt, &b)) {
		buf_free(&b);
		return 0;
	}
	n->fig->svg = buf_steal(&b);
	return 1;
}

static int
write_out(const struct opts *o, const struct doc *d, const char *ext,
    const struct buf *b)
{
	char	*path;
	int	 ok;

	if (o->cmd == CMD_CHECK)
		return 1;
	path = xasprintf("%s/%s.%s", o->outdir, d->name, ext);
	if (!(ok = file_write_atomic(path, b->data, b->len)))
		msg(MSG_SYSERR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
	free(path);
	return ok;
}

/* Render one expanded document in every format asked for. */
static int
render(const struct opts *o, const struct fontset *fs, struct doc *d)
{
	struct pdf_opts	 po;
	struct html_opts ho;
	struct buf	 b = { NULL, 0, 0 };
	int		 ok = 1;

	if (o->formats & OUT_TREE) {
		tree_dump(d, &b);
		ok = write_out(o, d, "tree", &b) && ok;
		buf_reset(&b);
	}
	if (o->formats & (OUT_PDF | OUT_LAYOUT)) {
		pdf_opts_defaults(&po);
		po.date = o->now;
		if ((o->formats & OUT_LAYOUT) &&
		    pdf_layout_dump(d, fs, &po, &b))
			ok = write_out(o, d, "layout", &b) && ok;
		buf_reset(&b);
		if ((o->formats & OUT_PDF) && (ok = pdf_write(d, fs, &po, &b)))
			ok = write_out(o, d, "pdf", &b);
		buf_reset(&b);
	}
	if (ok && (o->formats & OUT_HTML)) {
		html_opts_defaults(&ho);
		ho.unsafe = o->unsafe;
		ho.assets = o->assets;
		ho.now = o->now;
		if ((ok = each_figure(d->root, figure_svg, (void *)fs)) &&
		    (ok = html_write(d, &ho, &b)))
			ok = write_out(o, d, "html", &b);
	}
	buf_free(&b);
	return ok;
}

/* Append "target: deps" for one document to the depfile text. */
static void
depfile_add(struct buf *dep, const struct opts *o, const struct doc *d,
    const struct fontset *fs, const char *fontdir)
{
	static const char *const exts[] = { "pdf", "html", "tree", "layout" };
	size_t	 i, k;
	int	 first = 1;

	for (i = 0; i < 4; i++) {
		if (!(o->formats & (1u << i)))
			continue;
		buf_printf(dep, "%s%s/%s.%s", first ? "" : " ", o->outdir,
		    d->name, exts[i]);
		first = 0;
	}
	buf_printf(dep, ": %s", d->path);
	for (i = 0; i < d->ndeps; i++)
		buf_printf(dep, " \\\n  %s", d->deps[i]);
	buf_printf(dep, " \\\n  %s/fonts.conf", fontdir);
	for (i = 0; i < FACE__MAX; i++) {
		for (k = 0; k < i; k++)
			if (strcmp(fontset_path(fs, (enum face)k),
			    fontset_path(fs, (enum face)i)) == 0)
				break;
		if (k == i)
			buf_printf(dep, " \\\n  %s",
			    fontset_path(fs, (enum face)i));
	}
	buf_putc(dep, '\n');
	/* Phony targets keep make going when an input is deleted. */
	for (i = 0; i < d->ndeps; i++)
		buf_printf(dep, "%s:\n", d->deps[i]);
}

/* What every job of a build shares. */
struct run {
	const struct opts	*o;
	const struct fontset	*fs;
	struct dsreg		*reg;
	const char		*fontdir;
	const char		*themedir;
};

/* What a job keeps for after the run. */
struct done {
	char	*deps;		/* its depfile lines */
	int	 written;	/* all its outputs were written */
	struct html_entry entry;	/* for the index page and feed */
};

/* One briefing: expand the template, then render every format. */
static void
build_job(struct job *j, void *arg)
{
	struct run	*r = arg;
	struct tmpl_opts to;
	struct doc	*d;
	struct done	*dn;
	struct buf	 dep = { NULL, 0, 0 };

	dn = xcalloc(1, sizeof(*dn));
	j->result = dn;
	tmpl_opts_defaults(&to);
	to.params = j->params;
	to.nparams = j->nparams;
	to.reg = r->reg;
	to.fonts = r->fs;
	to.unsafe = r->o->unsafe;
	to.roots = r->o->roots;
	to.nroots = r->o->nroots;
	to.now = r->o->now;
	to.themes = r->themedir;
	if ((d = tmpl_build(j->tmpl, &to)) == NULL)
		return;
	if (j->name != NULL) {
		free(d->name);
		d->name = xstrdup(j->name);
	}
	if (render(r->o, r->fs, d)) {
		dn->written = 1;
		depfile_add(&dep, r->o, d, r->fs, r->fontdir);
		dn->deps = buf_steal(&dep);
		if (r->o->formats & OUT_HTML)
			html_entry_set(&dn->entry, d);
	}
	doc_free(d);
}

/* "briefgen: 3 briefings, 2 written, 1 failed; 1 error, 2 warnings" */
static void
summary(const struct opts *o, struct job *jobs, size_t n)
{
	struct msgctx	*c = msg_current();
	size_t		 i, written = 0;

	for (i = 0; i < n; i++) {
		msg_merge(&jobs[i].ctx);
		if (jobs[i].result && ((struct done *)jobs[i].result)->written)
			written++;
	}
	if (n < 2 && c->count[MSG_WARNING] + c->count[MSG_ERROR] +
	    c->count[MSG_SYSERR] == 0)
		return;
	if (o->quiet && written == n)
		return;
	fprintf(stderr, "briefgen: %zu briefing%s, %zu %s, %zu failed; "
	    "%zu error%s, %zu warning%s\n", n, n == 1 ? "" : "s", written,
	    o->cmd == CMD_CHECK ? "checked" : "written", n - written,
	    c->count[MSG_ERROR] + c->count[MSG_SYSERR],
	    c->count[MSG_ERROR] + c->count[MSG_SYSERR] == 1 ? "" : "s",
	    c->count[MSG_WARNING], c->count[MSG_WARNING] == 1 ? "" : "s");
}

/*
 * The HTML archive: the shared style sheet when --assets is given,
 * then the folder's index page and feed (html_site), listing the
 * briefings written now, in job order, and those already there.
 */
static void
html_finish(const struct opts *o, struct job *jobs, size_t njobs)
{
	struct html_opts   ho;
	struct html_entry *e;
	struct done	  *dn;
	struct buf	   b = { NULL, 0, 0 };
	char		  *dir, *path;
	size_t		   i, n = 0;

	if (o->cmd != CMD_BUILD || !(o->formats & OUT_HTML))
		return;
	html_opts_defaults(&ho);
	ho.assets = o->assets;
	ho.now = o->now;
	if (o->assets != NULL) {
		dir = path_join(o->outdir, o->assets);
		path = path_join(dir, HTML_CSS_FILE);
		html_css_write(&ho, &b);
		if (!dir_make(dir) || !file_write_atomic(path, b.data, b.len))
			msg(MSG_SYSERR, path, 0, 0, "cannot write: %s",
			    strerror(errno));
		free(path);
		free(dir);
		buf_free(&b);
	}
	e = xcalloc(njobs + 1, sizeof(*e));
	for (i = 0; i < njobs; i++)
		if ((dn = jobs[i].result) != NULL && dn->entry.name != NULL)
			e[n++] = dn->entry;
	if (n > 0)
		html_site(o->outdir, e, n, &ho);
	free(e);
}

static int
cmd_build(struct opts *o, int argc, char **argv)
{
	struct run	  r;
	struct fontset	 *fs = NULL;
	struct job	 *jobs = NULL;
	struct buf	  dep = { NULL, 0, 0 };
	struct done	 *dn;
	char		 *fontdir, *themedir = NULL;
	size_t		  njobs = 0, i;

	fontdir = find_fonts(o->fontdir);
	if ((fs = fontset_load(fontdir)) == NULL)
		goto out;
	if (o->cmd == CMD_BUILD && !dir_make(o->outdir)) {
		msg(MSG_SYSERR, o->outdir, 0, 0, "cannot create folder: %s",
		    strerror(errno));
		goto out;
	}
	if (!batch_make(&o->batch, argv, (size_t)argc, o->params,
	    o->nparams, &jobs, &njobs))
		goto out;
	memset(&r, 0, sizeof(r));
	r.o = o;
	r.fs = fs;
	r.reg = dsreg_new();
	r.fontdir = fontdir;
	r.themedir = themedir = find_themes();
	batch_run(&o->batch, jobs, njobs, build_job, &r);
	for (i = 0; i < njobs; i++) {
		dn = jobs[i].result;
		if (dn != NULL && dn->deps != NULL)
			buf_puts(&dep, dn->deps);
	}
	html_finish(o, jobs, njobs);
	summary(o, jobs, njobs);
	if (o->depfile != NULL && o->cmd == CMD_BUILD &&
	    msg_exit_status(NULL) == EXIT_OK &&
	    !file_write_atomic(o->depfile, dep.data ? dep.data : "", dep.len))
		msg(MSG_SYSERR, o->depfile, 0, 0, "cannot write: %s",
		    strerror(errno));
	dsreg_free(r.reg);
out:
	for (i = 0; i < njobs; i++) {
		if ((dn = jobs[i].result) != NULL) {
			free(dn->deps);
			html_entry_free(&dn->entry);
		}
		free(dn);
	}
	batch_free(jobs, njobs);
	buf_free(&dep);
	fontset_free(fs);
	free(fontdir);
	free(themedir);
	return msg_exit_status(NULL);
}

static int
cmd_data(struct opts *o, int argc, char **argv)
{
	struct table	*t;
	struct buf	 b = { NULL, 0, 0 };

	if (argc != 1) {
		fputs("briefgen: error: data takes one CSV file\n", stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((t = csv_load(argv[0], &o->dsopts)) == NULL)
		return msg_exit_status(NULL) == EXIT_OK ? EXIT_INPUT :
		    msg_exit_status(NULL);
	if (o->json)
		data_json(t, &b);
	else
		data_schema(t, &b);
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
	table_free(t);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		msg(MSG_SYSERR, NULL, 0, 0, "cannot write output: %s",
		    strerror(errno));
	}
	return msg_exit_status(NULL);
}

/* Append a CSV field, quoted when it must be. */
static void
csv_put(struct buf *b, const char *s)
{
	if (s[strcspn(s, ",\"\r\n")] == '\0') {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/*
 * briefgen query FILE.csv QUERY: one query on one file, the result as
 * CSV (values as the page would show them) or JSON (raw numbers), the
 * notes on stderr.  The dataset is called by the file's stem, and a
 * query may leave the source out.
 */
static int
cmd_query(struct opts *o, int argc, char **argv)
{
	struct dsdecl	 d;
	struct qenv	 env;
	struct query	*q = NULL;
	struct table	*t = NULL;
	struct numfmt	 f;
	struct buf	 b = { NULL, 0, 0 }, cell = { NULL, 0, 0 };
	size_t		 r, j;
	char		*err;

	if (argc != 2) {
		fputs("briefgen: error: query takes a CSV file and a query\n",
		    stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	memset(&d, 0, sizeof(d));
	d.name = path_stem(argv[0]);
	for (j = 0; d.name[j] != '\0'; j++)
		if (!isalnum((unsigned char)d.name[j]) && d.name[j] != '_')
			d.name[j] = '_';
	d.path = xstrdup(argv[0]);
	d.opts = o->dsopts;
	memset(&env, 0, sizeof(env));
	env.reg = dsreg_new();
	env.decls = &d;
	env.ndecls = 1;
	env.params = o->params;
	env.nparams = o->nparams;
	env.lang = "en";
	if ((q = query_parse(argv[1], "<query>", 1, 1)) == NULL ||
	    (t = query_table(q, &env)) == NULL)
		goto out;
	for (j = 0; j < table_ncols(t); j++) {
		if (o->json)
			break;
		buf_puts(&b, j ? "," : "");
		csv_put(&b, table_colname(t, j));
	}
	buf_puts(&b, o->json ? "[" : "\n");
	for (r = 0; r < table_nrows(t); r++) {
		if (o->json)
			buf_puts(&b, r ? ",\n{" : "\n{");
		for (j = 0; j < table_ncols(t); j++) {
			const struct value *v = table_get(t, r, j);

			if (o->json) {
				buf_puts(&b, j ? "," : "");
				json_string(&b, table_colname(t, j));
				buf_putc(&b, ':');
				if (v->kind == V_NUM)
					json_number(&b, v->num);
				else if (v->kind == V_TEXT)
					json_string(&b, v->str);
				else
					buf_puts(&b, "null");
				continue;
			}
			numfmt_defaults(&f);
			if (table_colfmt(t, j) != NULL &&
			    !numfmt_parse(table_colfmt(t, j), &f, &err)) {
				free(err);
				numfmt_defaults(&f);
			}
			buf_reset(&cell);
			fmt_value(&cell, v, &f);
			buf_puts(&b, j ? "," : "");
			csv_put(&b, cell.data);
		}
		buf_puts(&b, o->json ? "}" : "\n");
	}
	if (o->json)
		buf_puts(&b, table_nrows(t) ? "\n]\n" : "]\n");
	fwrite(b.data, 1, b.len, stdout);
	fflush(stdout);
	if (table_note(t) != NULL)
		msg(MSG_NOTE, NULL, 0, 0, "%s", table_note(t));
	if (fflush(stdout) == EOF || ferror(stdout))
		msg(MSG_SYSERR, NULL, 0, 0, "cannot write output: %s",
		    strerror(errno));
out:
	table_free(t);
	query_free(q);
	dsreg_free(env.reg);
	free(d.name);
	free(d.path);
	buf_free(&b);
	buf_free(&cell);
	return msg_exit_status(NULL) == EXIT_OK && t == NULL ? EXIT_INPUT :
	    msg_exit_status(NULL);
}

enum {
	OPT_FONTS = 256,
	OPT_UNSAFE,
	OPT_WERROR,
	OPT_JSON,
	OPT_ENCODING,
	OPT_STREAM,
	OPT_ALLOW,
	OPT_ASSETS,
	OPT_PARAMS,
	OPT_NAME,
	OPT_SHARD
};

static const struct option longopts[] = {
	{ "output",	required_argument,	NULL, 'o' },
	{ "format",	required_argument,	NULL, 'f' },
	{ "define",	required_argument,	NULL, 'D' },
	{ "depfile",	required_argument,	NULL, 'M' },
	{ "quiet",	no_argument,		NULL, 'q' },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ "fonts",	required_argument,	NULL, OPT_FONTS },
	{ "unsafe",	no_argument,		NULL, OPT_UNSAFE },
	{ "werror",	no_argument,		NULL, OPT_WERROR },
	{ "json",	no_argument,		NULL, OPT_JSON },
	{ "encoding",	required_argument,	NULL, OPT_ENCODING },
	{ "stream",	required_argument,	NULL, OPT_STREAM },
	{ "allow",	required_argument,	NULL, OPT_ALLOW },
	{ "assets",	required_argument,	NULL, OPT_ASSETS },
	{ "jobs",	required_argument,	NULL, 'j' },
	{ "params",	required_argument,	NULL, OPT_PARAMS },
	{ "name",	required_argument,	NULL, OPT_NAME },
	{ "shard",	required_argument,	NULL, OPT_SHARD },
	{ NULL,		0,			NULL, 0 }
};

static int
parse_jobs(const char *s, unsigned *n)
{
	char		*end;
	unsigned long	 v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < 1 || v > 256) {
		fprintf(stderr, "briefgen: error: -j wants a number of "
		    "threads from 1 to 256, not '%s'\n", s);
		return 0;
	}
	*n = (unsigned)v;
	return 1;
}

/* Parse the options after the command; return -1 to exit with status. */
static int
parse_opts(struct opts *o, int argc, char **argv, int *status)
{
	int	 c;

	while ((c = getopt_long(argc, argv, "o:f:D:M:j:qhV", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'o':
			o->outdir = optarg;
			break;
		case 'f':
			if ((o->formats = parse_formats(optarg)) == 0)
				goto usage;
			break;
		case 'D':
			if (!add_param(o, optarg))
				goto usage;
			break;
		case 'M':
			o->depfile = optarg;
			break;
		case 'q':
			msg_set_quiet(1);
			o->quiet = 1;
			o->batch.progress = 0;
			break;
		case 'j':
			if (!parse_jobs(optarg, &o->batch.jobs))
				goto usage;
			break;
		case OPT_PARAMS:
			o->batch.paramfile = optarg;
			break;
		case OPT_NAME:
			o->batch.pattern = optarg;
			break;
		case OPT_SHARD:
			if (!batch_parse_shard(optarg, &o->batch.shard_k,
			    &o->batch.shard_n)) {
				fprintf(stderr, "briefgen: error: --shard "
				    "wants K/N with 1 <= K <= N, not '%s'\n",
				    optarg);
				goto usage;
			}
			break;
		case 'h':
			usage(stdout);
			*status = EXIT_OK;
			return -1;
		case 'V':
			printf("briefgen %s\n", VERSION);
			*status = EXIT_OK;
			return -1;
		case OPT_FONTS:
			o->fontdir = optarg;
			break;
		case OPT_UNSAFE:
			o->unsafe = 1;
			break;
		case OPT_WERROR:
			msg_set_werror(1);
			break;
		case OPT_JSON:
			o->json = 1;
			break;
		case OPT_STREAM:
			if (strcmp(optarg, "auto") == 0)
				o->dsopts.stream = 0;
			else if (strcmp(optarg, "never") == 0)
				o->dsopts.stream = 1;
			else if (strcmp(optarg, "always") == 0)
				o->dsopts.stream = 2;
			else {
				fprintf(stderr, "briefgen: error: --stream "
				    "wants auto, always or never\n");
				goto usage;
			}
			break;
		case OPT_ENCODING:
			o->dsopts.encoding = optarg;
			break;
		case OPT_ASSETS:
			/* A folder below the output folder, named plainly. */
			if (optarg[0] == '\0' || optarg[0] == '/' ||
			    strstr(optarg, "..") != NULL ||
			    strspn(optarg, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") !=
			    strlen(optarg)) {
				fprintf(stderr, "briefgen: error: --assets "
				    "wants a relative folder name such as "
				    "assets, not '%s'\n", optarg);
				goto usage;
			}
			o->assets = optarg;
			break;
		case OPT_ALLOW:
			o->roots = xreallocarray(o->roots, o->nroots + 1,
			    sizeof(char *));
			o->roots[o->nroots++] = optarg;
			break;
		default:
			goto usage;
		}
	}
	return optind;
usage:
	usage(stderr);
	*status = EXIT_USAGE;
	return -1;
}

int
main(int argc, char *argv[])
{
	struct opts	 o;
	int		 status = EXIT_OK, first;
	size_t		 i;

	memset(&o, 0, sizeof(o));
	o.outdir = "out";
	o.formats = OUT_PDF | OUT_HTML;
	dsopts_defaults(&o.dsopts);
	batch_opts_defaults(&o.batch);
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "build") == 0)
		o.cmd = CMD_BUILD;
	else if (strcmp(argv[1], "check") == 0)
		o.cmd = CMD_CHECK;
	else if (strcmp(argv[1], "data") == 0)
		o.cmd = CMD_DATA;
	else if (strcmp(argv[1], "query") == 0)
		o.cmd = CMD_QUERY;
	else if (argv[1][0] == '-') {
		/* --help and --version work without a command. */
		if (parse_opts(&o, argc, argv, &status) < 0)
			goto out;
		usage(stderr);
		status = EXIT_USAGE;
		goto out;
	} else {
		fprintf(stderr, "briefgen: error: unknown command '%s'\n",
		    argv[1]);
		usage(stderr);
		status = EXIT_USAGE;
		goto out;
	}
	argc--;
	argv++;
	if ((first = parse_opts(&o, argc, argv, &status)) < 0)
		goto out;
	if (first >= argc) {
		fputs("briefgen: error: no input files\n", stderr);
		usage(stderr);
		status = EXIT_USAGE;
		goto out;
	}
	if (!source_date(&o.now)) {
		status = EXIT_USAGE;
		goto out;
	}
	if (o.cmd == CMD_DATA)
		status = cmd_data(&o, argc - first, argv + first);
	else if (o.cmd == CMD_QUERY)
		status = cmd_query(&o, argc - first, argv + first);
	else
		status = cmd_build(&o, argc - first, argv + first);
out:
	for (i = 0; i < o.nparams; i++) {
		free(o.params[i].name);
		free(o.params[i].value);
	}
	free(o.params);
	free(o.roots);
	return status;
}
