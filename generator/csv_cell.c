/*
 * csv_cell.c: reading cells as the sources write them.  Numbers with
 * thousands separators, estimate markers, bounds and codes; names
 * with footnote digits and estimate markers glued on; units in column
 * names.  docs/data.md states every rule, and tests/unit/test_csv.c
 * has a case for each.
 *
 * Nothing here depends on the process locale: numbers are read digit
 * by digit, and strtod_l() with the C locale finishes the rare long
 * ones.
 */
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "data.h"

/*
 * The reference list of names: datasets/briefgen/names.csv, in byte
 * order (tests/unit/test_csv.c checks that the two agree).  It tells
 * an estimate marker from a name that ends in 'e' ("Japane" is Japan,
 * estimated; "Chile" is Chile), finds columns of names, and classes
 * totals and rests.
 */
struct refname {
	const char	*name;
	const char	*iso3;
	const char	*kind;	/* country, group, total, other */
};

static const struct refname refnames[] = {
	{ "Afghanistan", "AFG", "country" },
	{ "Albania", "ALB", "country" },
	{ "Algeria", "DZA", "country" },
	{ "American Samoa", "ASM", "country" },
	{ "Andorra", "AND", "country" },
	{ "Angola", "AGO", "country" },
	{ "Anguilla", "AIA", "country" },
	{ "Antigua and Barbuda", "ATG", "country" },
	{ "Argentina", "ARG", "country" },
	{ "Armenia", "ARM", "country" },
	{ "Aruba", "ABW", "country" },
	{ "Australia", "AUS", "country" },
	{ "Austria", "AUT", "country" },
	{ "Azerbaijan", "AZE", "country" },
	{ "Bahamas", "BHS", "country" },
	{ "Bahrain", "BHR", "country" },
	{ "Bangladesh", "BGD", "country" },
	{ "Barbados", "BRB", "country" },
	{ "Belarus", "BLR", "country" },
	{ "Belgium", "BEL", "country" },
	{ "Belgium-Luxembourg", "BEL", "country" },
	{ "Belize", "BLZ", "country" },
	{ "Benin", "BEN", "country" },
	{ "Bermuda", "BMU", "country" },
	{ "Bhutan", "BTN", "country" },
	{ "Bolivia", "BOL", "country" },
	{ "Bolivia (Plurinational State of)", "BOL", "country" },
	{ "Bonaire", "BES", "country" },
	{ "Bonaire, Saint Eustatius and Saba", "BES", "country" },
	{ "Bosnia Herzegovina", "BIH", "country" },
	{ "Bosnia and Herzegovina", "BIH", "country" },
	{ "Botswana", "BWA", "country" },
	{ "Br. Indian Ocean Terr.", "IOT", "country" },
	{ "Br. Virgin Isds", "VGB", "country" },
	{ "Brazil", "BRA", "country" },
	{ "British Indian Ocean Territories", "IOT", "country" },
	{ "British Virgin Islands", "VGB", "country" },
	{ "Brunei Darussalam", "BRN", "country" },
	{ "Bulgaria", "BGR", "country" },
	{ "Burkina Faso", "BFA", "country" },
	{ "Burma", "MMR", "country" },
	{ "Burundi", "BDI", "country" },
	{ "Cabo Verde", "CPV", "country" },
	{ "Cambodia", "KHM", "country" },
	{ "Cameroon", "CMR", "country" },
	{ "Canada", "CAN", "country" },
	{ "Cape Verde", "CPV", "country" },
	{ "Cayman Isds", "CYM", "country" },
	{ "Cayman Islands", "CYM", "country" },
	{ "Central African Rep.", "CAF", "country" },
	{ "Central African Republic", "CAF", "country" },
	{ "Chad", "TCD", "country" },
	{ "Chile", "CHL", "country" },
	{ "China", "CHN", "country" },
	{ "China, Hong Kong SAR", "HKG", "country" },
	{ "China, Hong Kong Special Administrative Region", "HKG", "country" },
	{ "China, Macao SAR", "MAC", "country" },
	{ "China, Macao Special Administrative Region", "MAC", "country" },
	{ "Chinese Taipei", "TWN", "country" },
	{ "Christmas Isds", "CXR", "country" },
	{ "Christmas Islands", "CXR", "country" },
	{ "Cocos Isds", "CCK", "country" },
	{ "Cocos Islands", "CCK", "country" },
	{ "Colombia", "COL", "country" },
	{ "Comoros", "COM", "country" },
	{ "Congo", "COG", "country" },
	{ "Congo (Brazzaville)", "COG", "country" },
	{ "Congo (Kinshasa)", "COD", "country" },
	{ "Cook Isds", "COK", "country" },
	{ "Cook Islands", "COK", "country" },
	{ "Costa Rica", "CRI", "country" },
	{ "Cote d'Ivoire", "CIV", "country" },
	{ "Croatia", "HRV", "country" },
	{ "Cuba", "CUB", "country" },
	{ "Curaçao", "CUW", "country" },
	{ "Cyprus", "CYP", "country" },
	{ "Czech Republic", "CZE", "country" },
	{ "Czechia", "CZE", "country" },
	{ "Czechoslovakia", "CSK", "country" },
	{ "Côte d'Ivoire", "CIV", "country" },
	{ "Côte d’Ivoire", "CIV", "country" },
	{ "Dem. People's Rep. of Korea", "PRK", "country" },
	{ "Dem. Rep. of the Congo", "COD", "country" },
	{ "Democratic People's Republic of Korea", "PRK", "country" },
	{ "Democratic Republic of the Congo", "COD", "country" },
	{ "Denmark", "DNK", "country" },
	{ "Djibouti", "DJI", "country" },
	{ "Dominica", "DMA", "country" },
	{ "Dominican Rep.", "DOM", "country" },
	{ "Dominican Republic", "DOM", "country" },
	{ "EU", "", "group" },
	{ "East Timor", "TLS", "country" },
	{ "Ecuador", "ECU", "country" },
	{ "Egypt", "EGY", "country" },
	{ "El Salvador", "SLV", "country" },
	{ "Equatorial Guinea", "GNQ", "country" },
	{ "Eritrea", "ERI", "country" },
	{ "Estonia", "EST", "country" },
	{ "Eswatini", "SWZ", "country" },
	{ "Ethiopia", "ETH", "country" },
	{ "Europe EFTA, nes", "", "country" },
	{ "Europe EFTA, not elsewhere specified", "", "country" },
	{ "European Union", "", "group" },
	{ "FS Micronesia", "FSM", "country" },
	{ "Falkland Isds (Malvinas)", "FLK", "country" },
	{ "Falkland Islands (Malvinas)", "FLK", "country" },
	{ "Federated State of Micronesia", "FSM", "country" },
	{ "Fiji", "FJI", "country" },
	{ "Finland", "FIN", "country" },
	{ "Fmr Dem. Rep. of Germany", "DDR", "country" },
	{ "Fmr Fed. Rep. of Germany", "DEU", "country" },
	{ "Fmr Sudan", "SDN", "country" },
	{ "Fmr USSR", "SUN", "country" },
	{ "Former Democratic Republic of Germany", "DDR", "country" },
	{ "Former Federal Republic of Germany", "DEU", "country" },
	{ "Former Sudan", "SDN", "country" },
	{ "Former USSR", "SUN", "country" },
	{ "Fr. South Antarctic Terr.", "ATF", "country" },
	{ "France", "FRA", "country" },
	{ "France, Monaco", "FRA", "country" },
	{ "French Guiana", "GUF", "country" },
	{ "French Polynesia", "PYF", "country" },
	{ "French South Antarctic Territories", "ATF", "country" },
	{ "Gabon", "GAB", "country" },
	{ "Gambia", "GMB", "country" },
	{ "Georgia", "GEO", "country" },
	{ "Germany", "DEU", "country" },
	{ "Ghana", "GHA", "country" },
	{ "Gibraltar", "GIB", "country" },
	{ "Greece", "GRC", "country" },
	{ "Greenland", "GRL", "country" },
	{ "Grenada", "GRD", "country" },
	{ "Guadeloupe", "GLP", "country" },
	{ "Guam", "GUM", "country" },
	{ "Guatemala", "GTM", "country" },
	{ "Guinea", "GIN", "country" },
	{ "Guinea-Bissau", "GNB", "country" },
	{ "Guyana", "GUY", "country" },
	{ "Haiti", "HTI", "country" },
	{ "Honduras", "HND", "country" },
	{ "Hong Kong", "HKG", "country" },
	{ "Hungary", "HUN", "country" },
	{ "Iceland", "ISL", "country" },
	{ "India", "IND", "country" },
	{ "Indonesia", "IDN", "country" },
	{ "Iran", "IRN", "country" },
	{ "Iraq", "IRQ", "country" },
	{ "Ireland", "IRL", "country" },
	{ "Israel", "ISR", "country" },
	{ "Italy", "ITA", "country" },
	{ "Ivory Coast", "CIV", "country" },
	{ "Jamaica", "JAM", "country" },
	{ "Japan", "JPN", "country" },
	{ "Jordan", "JOR", "country" },
	{ "Kazakhstan", "KAZ", "country" },
	{ "Kenya", "KEN", "country" },
	{ "Kiribati", "KIR", "country" },
	{ "Korea, North", "PRK", "country" },
	{ "Korea, Republic of", "KOR", "country" },
	{ "Kosovo", "XKX", "country" },
	{ "Kuwait", "KWT", "country" },
	{ "Kyrgyz Republic", "KGZ", "country" },
	{ "Kyrgyzstan", "KGZ", "country" },
	{ "Lao People's Dem. Rep.", "LAO", "country" },
	{ "Laos", "LAO", "country" },
	{ "Latvia", "LVA", "country" },
	{ "Lebanon", "LBN", "country" },
	{ "Lesotho", "LSO", "country" },
	{ "Liberia", "LBR", "country" },
	{ "Libya", "LBY", "country" },
	{ "Liechtenstein", "LIE", "country" },
	{ "Lithuania", "LTU", "country" },
	{ "Luxembourg", "LUX", "country" },
	{ "Macao", "MAC", "country" },
	{ "Macau", "MAC", "country" },
	{ "Madagascar", "MDG", "country" },
	{ "Malawi", "MWI", "country" },
	{ "Malaysia", "MYS", "country" },
	{ "Maldives", "MDV", "country" },
	{ "Mali", "MLI", "country" },
	{ "Malta", "MLT", "country" },
	{ "Marshall Isds", "MHL", "country" },
	{ "Marshall Islands", "MHL", "country" },
	{ "Martinique", "MTQ", "country" },
	{ "Mauritania", "MRT", "country" },
	{ "Mauritius", "MUS", "country" },
	{ "Mayotte", "MYT", "country" },
	{ "Mexico", "MEX", "country" },
	{ "Moldova", "MDA", "country" },
	{ "Monaco", "MCO", "country" },
	{ "Mongolia", "MNG", "country" },
	{ "Montenegro", "MNE", "country" },
	{ "Montserrat", "MSR", "country" },
	{ "Morocco", "MAR", "country" },
	{ "Mozambique", "MOZ", "country" },
	{ "Myanmar", "MMR", "country" },
	{ "N. Mariana Isds", "MNP", "country" },
	{ "Namibia", "NAM", "country" },
	{ "Nauru", "NRU", "country" },
	{ "Nepal", "NPL", "country" },
	{ "Neth. Antilles", "ANT", "country" },
	{ "Netherlands", "NLD", "country" },
	{ "Netherlands Antilles", "ANT", "country" },
	{ "New Caledonia", "NCL", "country" },
	{ "New Zealand", "NZL", "country" },
	{ "Nicaragua", "NIC", "country" },
	{ "Niger", "NER", "country" },
	{ "Nigeria", "NGA", "country" },
	{ "Niue", "NIU", "country" },
	{ "Norfolk Isds", "NFK", "country" },
	{ "Norfolk Islands", "NFK", "country" },
	{ "North Korea", "PRK", "country" },
	{ "North Macedonia", "MKD", "country" },
	{ "Northern Mariana Islands", "MNP", "country" },
	{ "Norway", "NOR", "country" },
	{ "Norway, Svalbard and Jan Mayen", "NOR", "country" },
	{ "Oman", "OMN", "country" },
	{ "Other", "", "other" },
	{ "Other Asia, nes", "", "country" },
	{ "Other Asia, not elsewhere specified", "", "country" },
	{ "Other countries", "", "other" },
	{ "Other countries (rounded)", "", "other" },
	{ "Others", "", "other" },
	{ "Pakistan", "PAK", "country" },
	{ "Palau", "PLW", "country" },
	{ "Palestine", "PSE", "country" },
	{ "Panama", "PAN", "country" },
	{ "Papua New Guinea", "PNG", "country" },
	{ "Paraguay", "PRY", "country" },
	{ "Peru", "PER", "country" },
	{ "Philippines", "PHL", "country" },
	{ "Pitcairn", "PCN", "country" },
	{ "Plurinational State of Bolivia", "BOL", "country" },
	{ "Poland", "POL", "country" },
	{ "Portugal", "PRT", "country" },
	{ "Puerto Rico", "PRI", "country" },
	{ "Qatar", "QAT", "country" },
	{ "Rep. of Korea", "KOR", "country" },
	{ "Rep. of Moldova", "MDA", "country" },
	{ "Republic of Korea", "KOR", "country" },
	{ "Republic of Moldova", "MDA", "country" },
	{ "Republic of the Congo", "COG", "country" },
	{ "Rest of the world", "", "other" },
	{ "Rest of world", "", "other" },
	{ "Romania", "ROU", "country" },
	{ "Russia", "RUS", "country" },
	{ "Russian Federation", "RUS", "country" },
	{ "Rwanda", "RWA", "country" },
	{ "Réunion", "REU", "country" },
	{ "Saint Barthélemy", "BLM", "country" },
	{ "Saint Helena", "SHN", "country" },
	{ "Saint Kitts and Nevis", "KNA", "country" },
	{ "Saint Lucia", "LCA", "country" },
	{ "Saint Maarten", "SXM", "country" },
	{ "Saint Maarten (Dutch part)", "SXM", "country" },
	{ "Saint Pierre and Miquelon", "SPM", "country" },
	{ "Saint Vincent and the Grenadines", "VCT", "country" },
	{ "Samoa", "WSM", "country" },
	{ "San Marino", "SMR", "country" },
	{ "Sao Tome and Principe", "STP", "country" },
	{ "Saudi Arabia", "SAU", "country" },
	{ "Senegal", "SEN", "country" },
	{ "Serbia", "SRB", "country" },
	{ "Serbia and Montenegro", "SCG", "country" },
	{ "Seychelles", "SYC", "country" },
	{ "Sierra Leone", "SLE", "country" },
	{ "Singapore", "SGP", "country" },
	{ "Slovak Republic", "SVK", "country" },
	{ "Slovakia", "SVK", "country" },
	{ "Slovenia", "SVN", "country" },
	{ "So. African Customs Union", "ZAF", "country" },
	{ "Solomon Isds", "SLB", "country" },
	{ "Solomon Islands", "SLB", "country" },
	{ "Somalia", "SOM", "country" },
	{ "South Africa", "ZAF", "country" },
	{ "South Korea", "KOR", "country" },
	{ "South Sudan", "SSD", "country" },
	{ "Southern African Customs Union", "ZAF", "country" },
	{ "Spain", "ESP", "country" },
	{ "Sri Lanka", "LKA", "country" },
	{ "State of Palestine", "PSE", "country" },
	{ "Sudan", "SDN", "country" },
	{ "Suriname", "SUR", "country" },
	{ "Swaziland", "SWZ", "country" },
	{ "Sweden", "SWE", "country" },
	{ "Switzerland", "CHE", "country" },
	{ "Switzerland, Liechtenstein", "CHE", "country" },
	{ "Syria", "SYR", "country" },
	{ "TFYR of Macedonia", "MKD", "country" },
	{ "Taiwan", "TWN", "country" },
	{ "Taiwan, China", "TWN", "country" },
	{ "Tajikistan", "TJK", "country" },
	{ "Tanzania", "TZA", "country" },
	{ "Thailand", "THA", "country" },
	{ "The Former Yugoslav Republic of Macedonia", "MKD", "country" },
	{ "Timor-Leste", "TLS", "country" },
	{ "Togo", "TGO", "country" },
	{ "Tokelau", "TKL", "country" },
	{ "Tonga", "TON", "country" },
	{ "Total", "", "total" },
	{ "Trinidad and Tobago", "TTO", "country" },
	{ "Tunisia", "TUN", "country" },
	{ "Turkey", "TUR", "country" },
	{ "Turkmenistan", "TKM", "country" },
	{ "Turks and Caicos Isds", "TCA", "country" },
	{ "Turks and Caicos Islands", "TCA", "country" },
	{ "Tuvalu", "TUV", "country" },
	{ "Türkiye", "TUR", "country" },
	{ "US Misc. Pacific Isds", "", "country" },
	{ "US Miscellaneous Pacific Islands", "", "country" },
	{ "USA", "USA", "country" },
	{ "USA, Puerto Rico and US Virgin Islands", "USA", "country" },
	{ "Uganda", "UGA", "country" },
	{ "Ukraine", "UKR", "country" },
	{ "United Arab Emirates", "ARE", "country" },
	{ "United Kingdom", "GBR", "country" },
	{ "United Rep. of Tanzania", "TZA", "country" },
	{ "United Republic of Tanzania", "TZA", "country" },
	{ "United States", "USA", "country" },
	{ "United States and Canada", "", "group" },
	{ "United States of America", "USA", "country" },
	{ "Uruguay", "URY", "country" },
	{ "Uzbekistan", "UZB", "country" },
	{ "Vanuatu", "VUT", "country" },
	{ "Vatican City", "VAT", "country" },
	{ "Venezuela", "VEN", "country" },
	{ "Viet Nam", "VNM", "country" },
	{ "Vietnam", "VNM", "country" },
	{ "Wallis and Futuna Isds", "WLF", "country" },
	{ "Wallis and Futuna Islands", "WLF", "country" },
	{ "Western Sahara", "ESH", "country" },
	{ "World", "", "total" },
	{ "World mine production", "", "total" },
	{ "World total", "", "total" },
	{ "World total (rounded)", "", "total" },
	{ "World total, natural", "", "total" },
	{ "World total, natural and synthetic", "", "total" },
	{ "World total, synthetic", "", "total" },
	{ "Yemen", "YEM", "country" },
	{ "Zambia", "ZMB", "country" },
	{ "Zimbabwe", "ZWE", "country" },
};

#define NREF	(sizeof(refnames) / sizeof(refnames[0]))

static const struct refname *
ref_find(const char *s, size_t len)
{
	size_t	 lo = 0, hi = NREF, mid, n;
	int	 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		n = strlen(refnames[mid].name);
		c = memcmp(s, refnames[mid].name, len < n ? len : n);
		if (c == 0)
			c = len < n ? -1 : len > n;
		if (c < 0)
			hi = mid;
		else if (c > 0)
			lo = mid + 1;
		else
			return &refnames[mid];
	}
	return NULL;
}

static const struct refname *ref_head(const char *, size_t);

/* Does s begin with a name followed by ", " or the end? */
static int
starts_name(const char *s, size_t len)
{
	size_t	 k;

	for (k = 0; k + 1 < len; k++)
		if (s[k] == ',' && s[k + 1] == ' ')
			break;
	if (k + 1 >= len)
		return ref_head(s, len) != NULL;
	return ref_find(s, k) != NULL;
}

/*
 * A name, or a name followed by a qualifier: "Brazil (beneficiated)",
 * "Bolivia, ulexite", "World total (rutile, rounded)".
 */
static const struct refname *
ref_head(const char *s, size_t len)
{
	const struct refname	*r;
	size_t			 i;

	if ((r = ref_find(s, len)) != NULL)
		return r;
	for (i = 1; i + 1 < len; i++) {
		if (s[i] == ' ' && s[i + 1] == '(' && s[len - 1] == ')' &&
		    (r = ref_find(s, i)) != NULL)
			return r;
		/* "China, Morocco" is a list, not a qualified name. */
		if (s[i] == ',' && s[i + 1] == ' ' &&
		    (r = ref_find(s, i)) != NULL)
			return starts_name(s + i + 2, len - i - 2) ? NULL : r;
	}
	return NULL;
}

int
name_known(const char *s, size_t len)
{
	return ref_head(s, len) != NULL;
}

size_t
name_count(void)
{
	return NREF;
}

const char *
name_at(size_t i, const char **iso3, const char **kind)
{
	if (i >= NREF)
		return NULL;
	if (iso3 != NULL)
		*iso3 = refnames[i].iso3;
	if (kind != NULL)
		*kind = refnames[i].kind;
	return refnames[i].name;
}

/* Does s start with the word w (any case), followed by a non-letter? */
static int
wordprefix(const char *s, const char *w)
{
	size_t	 n = strlen(w);
	char	 c;

	if (strncasecmp(s, w, n) != 0)
		return 0;
	c = s[n];
	return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

enum rowclass
name_class(const char *s)
{
	const struct refname	*r;

	if ((r = ref_head(s, strlen(s))) != NULL)
		return strcmp(r->kind, "total") == 0 ? RC_TOTAL :
		    strcmp(r->kind, "other") == 0 ? RC_OTHER : RC_ITEM;
	if (wordprefix(s, "world"))
		return RC_TOTAL;
	if (wordprefix(s, "other") || wordprefix(s, "others") ||
	    wordprefix(s, "rest of"))
		return RC_OTHER;
	return RC_ITEM;
}

/* Length of the blank (space, tab, line end, no-break spaces) at s[i]. */
static size_t
blank_at(const unsigned char *s, size_t i, size_t len)
{
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
		return 1;
	if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)
		return 2;		/* U+00A0 no-break space */
	if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0xAF || s[i + 2] == 0x87))
		return 3;		/* U+202F, U+2007 */
	return 0;
}

/* Length of the blank that ends just before s[e]. */
static size_t
blank_before(const unsigned char *s, size_t b, size_t e)
{
	if (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
	    s[e - 1] == '\r' || s[e - 1] == '\n'))
		return 1;
	if (e >= b + 2 && s[e - 2] == 0xC2 && s[e - 1] == 0xA0)
		return 2;
	if (e >= b + 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 &&
	    (s[e - 1] == 0xAF || s[e - 1] == 0x87))
		return 3;
	return 0;
}

static void
trim(const unsigned char *s, size_t *b, size_t *e)
{
	size_t	 n;

	while (*b < *e && (n = blank_at(s, *b, *e)) > 0)
		*b += n;
	while (*e > *b && (n = blank_before(s, *b, *e)) > 0)
		*e -= n;
}

void
cell_trim(const char *str, size_t len, struct buf *out)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 b = 0, e = len, i, n, run;

	trim(s, &b, &e);
	for (i = b; i < e; ) {
		/* Copy runs without a lead byte of a no-break space. */
		for (run = i; run < e && s[run] != 0xC2 && s[run] != 0xE2;
		    run++)
			continue;
		buf_put(out, s + i, run - i);
		if ((i = run) >= e)
			break;
		if ((n = blank_at(s, i, e)) > 1) {
			buf_putc(out, ' ');
			i += n;
		} else
			buf_putc(out, s[i++]);
	}
	if (out->data == NULL)
		buf_put(out, "", 0);
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

unsigned
cell_name(const char *s, size_t len, struct buf *out)
{
	size_t		 start = out->len, n, k;
	unsigned	 flags = 0;
	char		*p;
	unsigned char	 c;

	cell_trim(s, len, out);
	p = out->data + start;
	n = out->len - start;
	/* One or two footnote digits glued to a letter or ')'. */
	for (k = n; k > 0 && n - k < 2 && isdig(p[k - 1]); k--)
		continue;
	if (k < n && k > 0) {
		c = (unsigned char)p[k - 1];
		if (c == ')' || c >= 0x80 || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z')) {
			n = k;
			flags |= VF_FOOTNOTE;
		}
	}
	/*
	 * An estimate marker: a trailing 'e' that makes a known name
	 * unknown ("Japane", "Korea, Republic ofe"), or follows ')'.
	 */
	if (n > 1 && p[n - 1] == 'e' && (p[n - 2] == ')' ||
	    (name_known(p, n - 1) && !name_known(p, n)))) {
		n--;
		flags |= VF_ESTIMATE;
	}
	out->len = start + n;
	out->data[out->len] = '\0';
	return flags;
}

static pthread_once_t	 c_once = PTHREAD_ONCE_INIT;
static locale_t		 c_locale;

static void
c_locale_init(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static const double p10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

#define MAXDIG	40	/* significant digits kept before rounding */
#define SIGDIG	15	/* digits a double holds exactly: more is noise */

/*
 * The value of the decimal digits dg[0..nd) times 10^exp, rounded to
 * SIGDIG significant digits first, which drops float noise written
 * out in full ("13.539000000000001" is 13.539).
 */
static double
digits_value(char *dg, size_t nd, long exp)
{
	char		 tmp[64];
	uint64_t	 m = 0;
	size_t		 i;

	if (nd > SIGDIG) {
		exp += (long)(nd - SIGDIG);
		if (dg[SIGDIG] >= '5') {
			for (i = SIGDIG; i > 0 && dg[i - 1] == '9'; i--)
				dg[i - 1] = '0';
			if (i == 0) {
				dg[0] = '1';
				exp++;	/* 999... became 1000... */
			} else
				dg[i - 1]++;
		}
		nd = SIGDIG;
	}
	while (nd > 0 && dg[nd - 1] == '0') {
		nd--;
		exp++;
	}
	if (nd == 0)
		return 0;
	for (i = 0; i < nd; i++)
		m = m * 10 + (uint64_t)(dg[i] - '0');
	/* One rounding: exact mantissa, exact power of ten. */
	if (exp == 0)
		return (double)m;
	if (exp > 0 && exp <= 22)
		return (double)m * p10[exp];
	if (exp < 0 && exp >= -22)
		return (double)m / p10[-exp];
	pthread_once(&c_once, c_locale_init);
	memcpy(tmp, dg, nd);
	snprintf(tmp + nd, sizeof(tmp) - nd, "e%ld", exp);
	return strtod_l(tmp, NULL, c_locale);
}

/* Match s[b..e) against a word, ignoring case and a final period. */
static int
wordis(const char *s, size_t b, size_t e, const char *w)
{
	size_t	 n = strlen(w);

	if (e > b && s[e - 1] == '.')
		e--;
	return e - b == n && strncasecmp(s + b, w, n) == 0;
}

static const struct {
	const char	*text;
	int		 kind;
} codes[] = {
	{ "NA", V_NA }, { "N/A", V_NA }, { "n/a", V_NA }, { "n.a.", V_NA },
	{ "W", V_WITHHELD },
	{ "XX", V_NOTAPPL },
	{ "-", V_NULL }, { "--", V_NULL }, { "\xe2\x80\x94", V_NULL },
	{ "\xe2\x80\x93", V_NULL },
};

static const char *const halfunit[] = {
	"less than \xc2\xbd unit", "less than 1/2 unit",
	"less than a half unit", "less than one-half unit",
	"less than one half unit", "less than half a unit",
};

int
cell_number(const char *str, size_t len, struct value *v, int *dec,
    int *lead0)
{
	const unsigned char	*s = (const unsigned char *)str;
	char			 dg[MAXDIG];
	size_t			 b = 0, e = len, i, k, nd = 0, nint = 0, nfrac = 0;
	size_t			 ng = 0, groups = 0;
	long			 exp = 0, x = 0;
	int			 neg = 0, kind = V_NUM, esign = 1;
	unsigned char		 flags = 0;

	*dec = *lead0 = 0;
	v->num = 0;
	v->flags = 0;
	trim(s, &b, &e);
	if (b == e) {
		v->kind = V_NULL;
		return 1;
	}
	for (k = 0; k < sizeof(codes) / sizeof(codes[0]); k++)
		if (strlen(codes[k].text) == e - b &&
		    memcmp(s + b, codes[k].text, e - b) == 0) {
			v->kind = (unsigned char)codes[k].kind;
			return 1;
		}
	for (k = 0; k < sizeof(halfunit) / sizeof(halfunit[0]); k++)
		if (wordis(str, b, e, halfunit[k])) {
			v->kind = V_UPPER;
			v->num = 0.5;
			return 1;
		}
	i = b;
	/* A bound: >, >=, <, <=, and the signs U+2265, U+2264. */
	if (s[i] == '>' || s[i] == '<') {
		kind = s[i] == '>' ? V_LOWER : V_UPPER;
		if (++i < e && s[i] == '=')
			i++;
	} else if (e - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x89 &&
	    (s[i + 2] == 0xA5 || s[i + 2] == 0xA4)) {
		kind = s[i + 2] == 0xA5 ? V_LOWER : V_UPPER;
		i += 3;
	}
	while (i < e && (k = blank_at(s, i, e)) > 0)
		i += k;
	/* An estimate marker before the number: "e20,000". */
	if (i + 1 < e && s[i] == 'e' && (isdig(s[i + 1]) || s[i + 1] == ' ')) {
		flags |= VF_ESTIMATE;
		for (i++; i < e && s[i] == ' '; i++)
			continue;
	}
	if (i < e && (s[i] == '-' || s[i] == '+')) {
		neg = s[i++] == '-';
	} else if (e - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x88 &&
	    s[i + 2] == 0x92) {
		neg = 1;	/* U+2212 minus sign */
		i += 3;
	}
	while (i < e && s[i] == ' ')
		i++;
	/* Whole part, with thousands separators in groups of three. */
	for (; i < e; i++) {
		if (isdig(s[i])) {
			if (nint == 1 && dg[0] == '0' && nd == 0)
				*lead0 = 1;
			nint++;
			ng++;
			if (nd == 0 && s[i] == '0')
				continue;
			if (nd < MAXDIG)
				dg[nd++] = (char)s[i];
			else
				exp++;
			continue;
		}
		if (s[i] != ',' || e - i < 4 || !isdig(s[i + 1]) ||
		    !isdig(s[i + 2]) || !isdig(s[i + 3]) ||
		    (e - i > 4 && isdig(s[i + 4])))
			break;
		if ((groups == 0 && (ng < 1 || ng > 3)) ||
		    (groups > 0 && ng != 3))
			return 0;
		groups++;
		ng = 0;
	}
	if (nint > 1 && *lead0 == 0) {
		/* Recheck: a leading zero followed by more digits. */
		for (k = b; k < e && !isdig(s[k]); k++)
			continue;
		if (k + 1 < e && s[k] == '0' && isdig(s[k + 1]))
			*lead0 = 1;
	}
	if (i < e && s[i] == '.') {
		*dec = 1;
		for (i++; i < e && isdig(s[i]); i++) {
			nfrac++;
			if (nd == 0 && s[i] == '0') {
				exp--;
				continue;
			}
			if (nd < MAXDIG) {
				dg[nd++] = (char)s[i];
				exp--;
			}
		}
	}
	if (nint + nfrac == 0)
		return 0;
	if (i + 1 < e && (s[i] == 'e' || s[i] == 'E') &&
	    (isdig(s[i + 1]) || ((s[i + 1] == '-' || s[i + 1] == '+') &&
	    i + 2 < e && isdig(s[i + 2])))) {
		*dec = 1;
		i++;
		if (s[i] == '-' || s[i] == '+')
			esign = s[i++] == '-' ? -1 : 1;
		for (; i < e && isdig(s[i]); i++)
			if (x < 100000)
				x = x * 10 + (s[i] - '0');
		exp += esign * x;
	}
	if (i != e)
		return 0;
	v->kind = (unsigned char)kind;
	v->flags = flags;
	v->num = digits_value(dg, nd, exp);
	if (neg && v->num != 0)
		v->num = -v->num;
	return 1;
}

/*
 * Units in column names.  The tokens are those of the USGS data
 * releases (see their metadata) and of trade extracts; docs/data.md
 * lists them.
 */
static const struct {
	const char	*tok;
	const char	*unit;
} units[] = {
	{ "t", "t" }, { "kt", "kt" }, { "kg", "kg" }, { "g", "g" },
	{ "mt", "Mt" }, { "mmt", "Mt" }, { "kct", "kct" },
	{ "mct", "Mct" }, { "mcm", "million m\xc2\xb3" },
	{ "pct", "%" }, { "percent", "%" },
	{ "usd", "USD" }, { "dols", "$" }, { "dollars", "$" },
	{ "dlb", "$/lb" }, { "dkg", "$/kg" }, { "dt", "$/t" },
	{ "dto", "$/troy oz" }, { "ctslb", "\xc2\xa2/lb" },
	{ "mil_dols", "$ million" }, { "bil_dols", "$ billion" },
	{ "million_dollars", "$ million" },
	{ "billion_dollars", "$ billion" },
	{ "thsnds", "thousand" },
};

static const char *
unit_of(const char *tok, size_t len)
{
	size_t	 i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strlen(units[i].tok) == len &&
		    strncasecmp(units[i].tok, tok, len) == 0)
			return units[i].unit;
	return NULL;
}

static int
skiptok(const char *t, size_t n)
{
	if (n == 4 && isdig(t[0]) && isdig(t[1]) && isdig(t[2]) &&
	    isdig(t[3]))
		return 1;	/* a year */
	return (n == 3 && strncasecmp(t, "est", 3) == 0) ||
	    (n == 9 && strncasecmp(t, "estimated", 9) == 0) ||
	    (n == 6 && strncasecmp(t, "prelim", 6) == 0);
}

static int
esttok(const char *t, size_t n)
{
	return (n == 3 && strncasecmp(t, "est", 3) == 0) ||
	    (n == 9 && strncasecmp(t, "estimated", 9) == 0);
}

const char *
colname_unit(const char *name, struct buf *alias)
{
	const char	*tok[32], *unit = NULL;
	size_t		 len[32], nt = 0, i, k, drop = 0, at = 0;
	const char	*p, *q;

	if (alias != NULL)
		buf_reset(alias);
	for (p = name; nt < 32; p = q + 1) {
		if ((q = strchr(p, '_')) == NULL)
			q = p + strlen(p);
		tok[nt] = p;
		len[nt++] = (size_t)(q - p);
		if (*q == '\0')
			break;
	}
	if (nt < 2)
		return NULL;
	for (k = nt; k > 1; k--)
		if (!skiptok(tok[k - 1], len[k - 1]))
			break;
	if (k > 1) {
		i = k - 1;
		/* Two tokens first ("mil_dols"), then one. */
		if (i >= 2 && (size_t)(tok[i] - tok[i - 1]) == len[i - 1] + 1) {
			char	 two[64];

			if (len[i - 1] + len[i] + 1 < sizeof(two)) {
				memcpy(two, tok[i - 1], len[i - 1] + len[i] + 1);
				if ((unit = unit_of(two,
				    len[i - 1] + len[i] + 1)) != NULL) {
					at = i - 1;
					drop = 2;
				}
			}
		}
		if (unit == NULL && (unit = unit_of(tok[i], len[i])) != NULL) {
			at = i;
			drop = 1;
		}
	}
	if (alias == NULL)
		return unit;
	for (i = 0; i < nt; i++) {
		if ((drop && i >= at && i < at + drop) ||
		    esttok(tok[i], len[i]))
			continue;
		if (alias->len)
			buf_putc(alias, '_');
		buf_put(alias, tok[i], len[i]);
	}
	if (alias->data == NULL || strcmp(alias->data, name) == 0)
		buf_reset(alias);
	return unit;
}

static const struct {
	const char	*unit;
	int		 family;
	double		 factor;
} scales[] = {
	{ "g", 1, 1e-6 }, { "kg", 1, 1e-3 }, { "t", 1, 1 },
	{ "kt", 1, 1e3 }, { "Mt", 1, 1e6 },
	{ "ct", 2, 1 }, { "kct", 2, 1e3 }, { "Mct", 2, 1e6 },
	{ "$", 3, 1 }, { "$ million", 3, 1e6 }, { "$ billion", 3, 1e9 },
};

double
unit_factor(const char *a, const char *b)
{
	size_t	 i, j;

	if (a == NULL || b == NULL)
		return 0;
	for (i = 0; i < sizeof(scales) / sizeof(scales[0]); i++)
		if (strcmp(scales[i].unit, a) == 0)
			break;
	for (j = 0; j < sizeof(scales) / sizeof(scales[0]); j++)
		if (strcmp(scales[j].unit, b) == 0)
			break;
	if (i == sizeof(scales) / sizeof(scales[0]) ||
	    j == sizeof(scales) / sizeof(scales[0]) ||
	    scales[i].family != scales[j].family)
		return 0;
	return scales[i].factor / scales[j].factor;
}
