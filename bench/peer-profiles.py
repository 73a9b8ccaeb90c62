#!/usr/bin/python3
"""peer-profiles.py: the one-mineral profiles of templates/profile.md made
the way an analyst would without briefgen, with Debian 12's Python stack:
pandas reads and cleans each USGS world file, matplotlib draws the chart,
python-markdown turns the text into HTML and WeasyPrint makes the PDF.
One process loops over the rows of a parameter file (the columns of
datasets/briefgen/minerals.csv) and writes OUT/profile-SLUG.html and .pdf
for each, with the same figures, chart and tables as briefgen's profile.

usage: /usr/bin/python3 bench/peer-profiles.py PARAMS.csv OUTDIR
"""
import csv
import html
import io
import os
import re
import sys

import markdown
import matplotlib
matplotlib.use('svg')
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from weasyprint import HTML  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
WORLD = os.path.join(ROOT, 'datasets', 'usgs-mcs2024', 'world')
NAMES = set(pd.read_csv(os.path.join(ROOT, 'datasets', 'briefgen',
                                     'names.csv'))['name'])
CSS = """
@page { size: A4; margin: 72pt 68pt;
        @bottom-right { content: "Page " counter(page) " of " counter(pages);
                        font-size: 8pt; color: #666; } }
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 9.5pt;
       line-height: 1.45; color: #1a1a1a; }
h1 { font-size: 15pt; color: #0b2545; }
.callout { background: #eef3f8; border-left: 3pt solid #2a6f97;
           padding: 6pt 10pt; margin: 8pt 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th { background: #dde6ee; text-align: left; }
th, td { padding: 2pt 5pt; border-bottom: 0.5pt solid #ccc; }
td.n, th.n { text-align: right; }
figure { margin: 8pt 0; } figure img { width: 100%; }
.src { font-size: 7.5pt; color: #666; }
"""


def number(s):
    """A USGS cell: (value, kind) with kind 'num', 'lower', 'upper' or None."""
    s = s.replace('\u00a0', ' ').strip().replace(',', '')
    kind = 'num'
    if s.startswith('>'):
        kind, s = 'lower', s[1:]
    elif s.startswith('<'):
        kind, s = 'upper', s[1:]
    if s.startswith('e'):
        s = s[1:]
    try:
        return float(s), kind
    except ValueError:
        return None, None


def clean_name(s):
    s = s.replace('\u00a0', ' ').strip().rstrip('0123456789').strip()
    if s not in NAMES and s.endswith('e') and s[:-1] in NAMES:
        s = s[:-1]
    return s


def load(path, type_):
    df = pd.read_csv(path, encoding='utf-8-sig', dtype=str,
                     keep_default_na=False)
    df = df.loc[:, [c for c in df.columns if not c.startswith('Unnamed')]]
    df = df[df['Country'].str.strip() != ''].copy()
    tcol = 'Type' if 'Type' in df.columns else df.columns[2]
    if type_:
        df = df[df[tcol].str.contains(type_, regex=False)]
    df['Country'] = df['Country'].map(clean_name)
    cols = {}
    for c in df.columns:
        if re.match(r'Prod_.*_2022$', c):
            cols['p22'] = c
        elif re.match(r'Prod_.*_(est|Est)_2023$|Prod_.*_2023$', c):
            cols['p23'] = c
        elif re.match(r'Reserves_(?!notes)[a-z]+$', c, re.I):
            cols['res'] = c
    for k, c in cols.items():
        v = df[c].map(number)
        df[k] = v.map(lambda t: t[0])
        df[k + '_kind'] = v.map(lambda t: t[1])
    df['world'] = df['Country'].str.startswith('World')
    df['other'] = df['Country'].str.startswith('Other')
    return df, cols


def denom(df, col):
    """The World total (at least the listed sum if it is a lower bound),
    else the sum of the listed rows; and whether it is a lower bound."""
    w = df[df['world']]
    listed = df[~df['world'] & df[col].notna()][col].sum()
    if w.empty or w[col].isna().all():
        return listed, False
    total, bound = w[col].iloc[0], w[col + '_kind'].iloc[0] == 'lower'
    return (max(total, listed) if bound else total), bound


def concentration(df, col):
    """Leader, its share, CR3, HHI and the number of countries."""
    items = df[~df['world'] & ~df['other'] & df[col].notna()]
    if items.empty:
        return None
    total, bound = denom(df, col)
    shares = (items[col] / total).sort_values(ascending=False)
    lead = items.loc[shares.index[0], 'Country']
    return {'leader': lead, 'share': shares.iloc[0], 'cr3': shares.iloc[:3].sum(),
            'hhi': ((shares * 100) ** 2).sum(), 'n': len(items), 'bound': bound}


def band(h):
    return ('unconcentrated' if h < 1500 else 'moderately concentrated'
            if h <= 2500 else 'highly concentrated')


def pct(x, bound=False, d=1):
    return ('<' if bound else '') + ('%.*f%%' % (d, 100 * x))


def category(df, cols, pc, rc):
    ch = df[df['Country'] == 'China']
    total = denom(df, 'p23')[0]
    china = ch['p23'].sum() / total if total else 0
    if china >= 0.6:
        return 'global supply advantage', china
    if china >= 0.1:
        return 'low supply risk', china
    if rc and rc['share'] >= 0.75:
        return 'high supply risk', china
    return 'scarce but manageable', china


def chart(df, p):
    top = df[~df['world'] & ~df['other'] & df['p23'].notna()] \
        .sort_values('p23', ascending=False).head(8)[::-1]
    fig, ax = plt.subplots(figsize=(6.33, 2.36))
    ax.barh(top['Country'], top['p23'], color='#0072b2')
    for y, v in enumerate(top['p23']):
        ax.text(v, y, ' {:,.0f}'.format(v), va='center', fontsize=7)
    ax.set_xlabel('2023, ' + p['unit'], fontsize=7)
    ax.tick_params(labelsize=7)
    for s in ('top', 'right'):
        ax.spines[s].set_visible(False)
    fig.tight_layout()
    buf = io.StringIO()
    fig.savefig(buf, format='svg')
    plt.close(fig)
    return buf.getvalue()


def table_md(rows, heads, nums):
    out = ['| ' + ' | '.join(heads) + ' |',
           '|' + '|'.join('---:' if i in nums else '---'
                          for i in range(len(heads))) + '|']
    out += ['| ' + ' | '.join(r) + ' |' for r in rows]
    return '\n'.join(out)


def fmt(v):
    return 'NA' if v is None or pd.isna(v) else '{:,.0f}'.format(v)


def profile(p, out):
    df, cols = load(os.path.join(WORLD, p['file']), p['type'])
    m, unit = p['mineral'], p['unit']
    md = []
    if 'p23' not in cols or df['p23'].notna().sum() == 0:
        md.append('> **No country figures.** %s' % p['note'])
        rows = [[r.Country, fmt(r.p22), fmt(r.p23)] for r in df.itertuples()]
        md.append(table_md(rows, ['Country', '2022', '2023'], {1, 2}))
        svg = None
    else:
        w = df[df['world']]
        pc = concentration(df, 'p23')
        rc = concentration(df, 'res') if 'res' in cols and \
            p['layout'].endswith('standard') else None
        cat, china = category(df, cols, pc, rc)
        md.append('<div class="callout" markdown="1">\n\n**%s at a glance**\n\n'
                  '- World %s: %s %s in 2023 (estimated), against %s in 2022.\n'
                  '- Largest producer: %s, with %s of the world total; the '
                  'three largest produce %s.\n' % (
                      m, p['measure'], fmt(w['p23'].iloc[0] if len(w) else None),
                      unit, fmt(w['p22'].iloc[0] if len(w) else None), pc['leader'], pct(pc['share']),
                      pct(pc['cr3'])))
        if rc:
            md[-1] += ('- Largest reserves: %s, with %s; the three largest '
                       'holders have %s.\n- Supply-risk category under the '
                       "white paper's rules: *%s*.\n\n</div>" % (
                           rc['leader'], pct(rc['share'], rc['bound']),
                           pct(rc['cr3'], rc['bound']), cat))
        else:
            md[-1] += ("- Reserves: %s\n- China's share of world %s: %s.\n"
                       "\n</div>" % (p['note'], p['measure'], pct(china)))
        md.append('# 1 Production\n\nUSGS gives a 2023 figure for %d '
                  'countries. The largest, %s, accounts for %s of world %s; '
                  "China's share is %s. The Herfindahl–Hirschman index of the "
                  'country shares is %s: *%s*.' % (
                      pc['n'], pc['leader'], pct(pc['share']), p['measure'],
                      pct(china), fmt(pc['hhi']), band(pc['hhi'])))
        svg = chart(df, p)
        md.append('<figure><img src="data:image/svg+xml;charset=utf-8,%s">'
                  '<figcaption><b>Figure 1.</b> %s: %s by country, 2023'
                  '</figcaption></figure>' % (
                      html.escape(svg.replace('\n', ' ').replace('#', '%23')),
                      m, p['measure']))
        items = df[~df['world'] & ~df['other'] & df['p23'].notna()] \
            .sort_values('p23', ascending=False)
        top, rest = items.head(6), pd.concat([items.iloc[6:], df[df['other']]])
        tot = denom(df, 'p23')[0]
        rows = [[r.Country, fmt(r.p22), fmt(r.p23),
                 '%+.1f%%' % (100 * (r.p23 / r.p22 - 1)) if r.p22 else 'NA',
                 pct(r.p23 / tot)] for r in top.itertuples()]
        o22, o23 = rest['p22'].sum(), rest['p23'].sum()
        rows.append(['Other', fmt(o22), fmt(o23),
                     '%+.1f%%' % (100 * (o23 / o22 - 1)) if o22 else 'NA',
                     pct(o23 / tot)])
        md.append('**Table 1.** %s: the largest producers (%s)\n\n' % (m, unit)
                  + table_md(rows, ['Country', '2022', '2023', 'Change',
                                    'Share of world, 2023'], {1, 2, 3, 4}))
        if rc:
            res = df[~df['world'] & ~df['other'] & df['res'].notna()] \
                .sort_values('res', ascending=False)
            rtot = denom(df, 'res')[0]
            rows = [[r.Country, fmt(r.res), pct(r.res / rtot)]
                    for r in res.head(5).itertuples()]
            orr = pd.concat([res.iloc[5:], df[df['other']]])['res'].sum()
            rows.append(['Other', fmt(orr), pct(orr / rtot)])
            md.append('# 2 Reserves\n\nUSGS gives reserves for %d countries; '
                      '%s holds %s of the world total, and the HHI of reserves '
                      'is %s.\n\n**Table 2.** %s: the largest reserves (%s)\n\n'
                      % (rc['n'], rc['leader'], pct(rc['share'], rc['bound']),
                         fmt(rc['hhi']), m, p['reserves_unit'])
                      + table_md(rows, ['Country', 'Reserves',
                                        'Share of world'], {1, 2}))
    md.append('# How the figures are computed\n\nShares are of the rounded '
              'world total as USGS publishes it. CR3 is the share of the three '
              'largest countries; the HHI sums the squared percentage shares.')
    md.append('<p class="src">Source: U.S. Geological Survey, Mineral '
              'Commodity Summaries 2024 Data Release, file %s.</p>' % p['file'])
    body = markdown.markdown('\n\n'.join(md), extensions=['tables', 'md_in_html'])
    page = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            '<title>%s: production and reserves</title><style>%s</style>'
            '</head><body><h1>%s: production and reserves</h1>%s</body></html>'
            % (html.escape(m), CSS, html.escape(m), body))
    base = os.path.join(out, 'profile-%s' % p['slug'])
    with open(base + '.html', 'w', encoding='utf-8') as f:
        f.write(page)
    HTML(string=page, base_url=out).write_pdf(base + '.pdf')


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: peer-profiles.py PARAMS.csv OUTDIR')
    os.makedirs(sys.argv[2], exist_ok=True)
    with open(sys.argv[1], encoding='utf-8') as f:
        for p in csv.DictReader(f):
            profile(p, sys.argv[2])


if __name__ == '__main__':
    main()
