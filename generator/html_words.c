/*
 * html_words.c: the few words the HTML writer adds to a page (skip
 * link, "Contents", "Figure", dates), in the languages briefings are
 * written in.  A language not listed gets English words; the text of
 * the briefing itself is never translated.
 */
#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "html_int.h"

static const struct html_words words[] = {
	{ "en", "Skip to content", "Contents", "Sources", "Source: ",
	  "Figure", "Table", " ", "Data", "Link to this section",
	  "Briefings", "Atom feed",
	  { "January", "February", "March", "April", "May", "June",
	    "July", "August", "September", "October", "November",
	    "December" }, 0 },
	{ "zh", "跳到正文", "目录", "资料来源", "资料来源：",
	  "图", "表", "", "数据", "本节链接", "简报", "Atom 订阅",
	  { NULL }, 1 },
};

/* The number in s[0..n), all digits (checked by the caller). */
static int
atoi_n(const char *s, int n)
{
	int	 v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Match "zh", "zh-CN", "zh-Hans" and the like by the primary subtag. */
const struct html_words *
html_words(const char *lang)
{
	size_t	 i, n;

	if (lang == NULL)
		return &words[0];
	n = strcspn(lang, "-_");
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i].lang) == n &&
		    strncasecmp(words[i].lang, lang, n) == 0)
			return &words[i];
	return &words[0];
}

int
html_isodate(const char *s)
{
	static const int mdays[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int	 i, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29) {
		int y = atoi_n(s, 4);

		if (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0))
			return 0;
	}
	return 1;
}

int
html_date(struct buf *b, const char *iso, const struct html_words *w)
{
	int	 y, m, d;

	if (!html_isodate(iso))
		return 0;
	y = atoi_n(iso, 4);
	m = atoi_n(iso + 5, 2);
	d = atoi_n(iso + 8, 2);
	if (w->ymd)
		buf_printf(b, "%d年%d月%d日", y, m, d);
	else
		buf_printf(b, "%d %s %d", d, w->months[m - 1], y);
	return 1;
}

/*
 * A language tag to put in lang="": letters, digits and hyphens, as
 * BCP 47 spells them, else "en".
 */
const char *
html_lang(const char *lang)
{
	size_t	 n;

	if (lang == NULL || *lang == '\0' || !isalpha((unsigned char)*lang))
		return "en";
	n = strspn(lang, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
	return n <= 35 && lang[n] == '\0' ? lang : "en";
}
