#!/usr/bin/env python3
"""Writes the committed seed corpora, Fuzz/Seeds/<target>/, from the two real
pages under news/ (the same bytes as shared/seeds/): each real page as it is,
and damaged variants of them, the oddities FORMAT.md says real pages have.

Run it again after changing it (from any folder): it replaces the seed files
it writes and leaves any other file in Seeds/ alone. Needs nothing but Python 3.

FuzzPipeline inputs are several pages joined by SEPARATOR ("\\n\\x1e\\n"),
the separator Sources/FuzzPipeline/FuzzPipeline.swift splits on.
"""
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
SEEDS = FUZZ / "Seeds"
SEPARATOR = b"\n\x1e\n"
LIMIT = 50_000

real = sorted((ROOT / "news").rglob("*.md"))
assert len(real) == 2, real
A = real[0].read_bytes()  # 2015-11-17, gets its topics from B's Related entry 1
B = real[1].read_bytes()  # 2015-11-20, gets its topics from A's Related entry 2


def lines(page):
    return page.split(b"\n")


def page(date, headline, body=(), sources=(), related=()):
    """A page in the FORMAT.md layout; every part is bytes."""
    out = [b"### [" + date + b"](/news/x/index.md)", b"", b"# " + headline, b""]
    for paragraph in body:
        out += [paragraph, b""]
    out += [b"", b"### Source:", b""]
    out += [b"%d. [%s](%s)" % (n + 1, name, url) for n, (name, url) in enumerate(sources)]
    out += [b"", b"### Related:", b""]
    out += [
        b"%d. [%s](%s) _Context: %s_" % (n + 1, text, path, context)
        for n, (text, path, context) in enumerate(related)
    ]
    return b"\n".join(out) + b"\n"


hostile_topics = page(
    b"2016-03-04",
    b"<b>Syria</b>. Talks <em>resume</em> in Geneva <script>alert(1)</script> ]]> &#0; &amp;",
    body=[b"Body with <i>markup</i>, <a href=\"javascript:alert(1)\">a link</a> and ]]> and &#0; &#x1F; &lt;tag&gt;."],
    sources=[(b"<script>x</script>", b"https://ex.example/a?b=1&c=<2>"), (b"Cover Image", b"https://img.example/c.jpg")],
    related=[
        (b"<b>Syria</b>. Earlier talks", b"/news/2016/02/1/syria-earlier-talks.md",
         b"<script>alert(1)</script>, <b>Syria</b>, ]]>, &#0;, a & b, \"quoted\", 'single', </title>"),
        (b"Later talks", b"/news/2016/03/20/later-talks.md", b"Syria, syria,  SYRIA , Syria\xc2\xa0Talks, ISIS, isil"),
    ],
)

unicode_oddities = page(
    b"2016-01-05",
    "Caf\u00e9 vs Cafe\u0301. \u202eRTL\u202c override, zero\u200bwidth, \U0001F600 \U0001D54F, "
    "C1 \u0085\u009f, nonchars \ufffe \uffff \U0010FFFF".encode(),
    body=["e\u0301\u0308 combining; tab\there; DEL \x7f; VT \x0b; FF \x0c".encode()],
    sources=[("Se\u0301ance".encode(), "https://ex.example/caf\u00e9?q=\u00fc".encode())],
    related=[
        ("Caf\u00e9. Other".encode(), b"/news/2016/01/6/cafe-other.md", "Caf\u00e9, Cafe\u0301, \u0130stanbul, istanbul".encode()),
    ],
)

links = page(
    b"2016-05-06",
    b"Links of every kind",
    sources=[
        (b"JS", b"javascript:alert(1)"),
        (b"Data", b"data:text/html,<b>x</b>"),
        (b"File", b"file:///etc/passwd"),
        (b"Relative", b"/news/2016/05/6/x.md"),
        (b"No host", b"https://"),
        (b"Unicode host", "https://\u00fcber.example/".encode()),
        (b"Spaces", b"https://ex.example/a b"),
        (b"Parens", b"https://en.example/wiki/A_(b)_(c)"),
        (b"", b"https://ex.example/empty-name"),
        (b"Cover Image", b"javascript:alert(2)"),
    ],
    related=[
        (b"Bad path", b"javascript:alert(1)", b"A"),
        (b"Index", b"/news/2016/05/6/index.md", b"A"),
        (b"No slug", b"/news/2016/05/6/.md", b"A"),
        (b"Bad date", b"/news/2016/02/30/bad-date.md", b"A"),
        (b"Absolute", b"https://news.example/news/2016/05/7/absolute.md?x=1#y", b"A, B"),
        (b"Huge numbers", b"/news/99999/99999/99999/huge.md", b"A"),
    ],
) + b"3. [Unclosed](https://ex.example/unclosed\n4. [x(y)](z\n5. not a link at all\n"

# Related entries pointing at the same few events under many spellings: more
# events than FuzzPipeline's maxEntries (10), topics through story prefixes.
many = page(
    b"2017-06-16",
    b"Russian military intervention in the Syrian Civil War. Strikes near Raqqa",
    body=[b"One.", b"Two.", b"   ", b"Three."],
    related=[
        (b"Story %d. Event number %d" % (n % 3, n), b"/news/2017/%02d/%d/event-number-%d.md" % (1 + n % 12, 1 + n % 28, n),
         b"Story %d, Topic %d, ISIL" % (n % 3, n % 5))
        for n in range(24)
    ]
    + [(b"Russian military intervention in the Syrian Civil War. Strikes near Raqqa",
        b"/news/2017/06/16/strikes-near-raqqa.md", b"Russian military intervention in the Syrian Civil War")],
)

parser_seeds = {
    "real-000.md": A,
    "real-001.md": B,
    "truncated-mid-link.md": B[: B.index(b"](/news/2015/12/9/") + 30],
    "truncated-mid-utf8.md": A[: A.index("â€™".encode()) + 3],
    "crlf.md": A.replace(b"\n", b"\r\n"),
    "bom-crlf.md": b"\xef\xbb\xbf" + B.replace(b"\n", b"\r\n"),
    "lone-cr.md": A.replace(b"\n", b"\r"),
    "no-date.md": b"\n".join(lines(A)[1:]),
    "bad-date-2015-02-30.md": A.replace(b"2015-11-17](/news/2015/11/17/", b"2015-02-30](/news/2015/02/30/"),
    "date-not-a-date.md": A.replace(b"[2015-11-17]", b"[yesterday]"),
    "no-headline.md": b"\n".join(l for l in lines(A) if not l.startswith(b"# ")),
    "empty-headline.md": A.replace(b"# The Russian", b"#   \t\n\nThe Russian", 1),
    "symbols-headline.md": page(b"2015-11-18", b"!!! --- ???"),
    "invalid-utf8.md": A.replace(b"cruise", b"cru\xffise", 1).replace(b"Syria", b"Syr\xed\xa0\x80ia", 1),
    "overlong-utf8.md": B.replace(b"Russia", b"Russ\xc0\xafia", 1),
    "nul-and-controls.md": A.replace(b"Russian military", b"Russian\x00mili\x01tary\x0b\x1f\x7f", 1)
    .replace(b"_Context: ISIL", b"_Context: IS\x00IL\x08", 1),
    "cdata-end-and-charrefs.md": B.replace(b"Caspian Sea", b"Caspian ]]> Sea &#0; &#x0; &amp; &lt; &", 2),
    "hostile-topics.md": hostile_topics,
    "unicode-oddities.md": unicode_oddities,
    "links.md": links,
    "mojibake.md": A.replace(b"The Russian military has", "Ã©Ã¨ â€œquotedâ€\x9d â€” ÃƒÂ© double Ã".encode(), 1),
    "huge-line.md": page(b"2015-11-19", b"Huge line", body=[b"word " * 9_000]),
    "huge-headline.md": page(b"2015-11-19", "W\u0301 ".encode() * 2_500),
    "only-sections.md": b"### Source:\n### Related:\n### Source:\n",
    "date-and-headline-only.md": b"### [2015-11-17](/news/2015/11/17/index.md)\n# Headline only",
    "many-related.md": many,
    "empty.md": b"",
}

pipeline_seeds = {
    "real-pair": A + SEPARATOR + B,
    "real-000": A,
    "real-001": B,
    "real-pair-crlf-bom": b"\xef\xbb\xbf" + A.replace(b"\n", b"\r\n") + SEPARATOR + B,
    "duplicate-pages": A + SEPARATOR + A + SEPARATOR + B.replace(b"\n", b"\r\n") + SEPARATOR + B,
    "pair-with-damaged": A + SEPARATOR + parser_seeds["invalid-utf8.md"] + SEPARATOR + B + SEPARATOR
    + parser_seeds["no-date.md"] + SEPARATOR + parser_seeds["bad-date-2015-02-30.md"],
    "hostile-topics": hostile_topics + SEPARATOR + A + SEPARATOR + page(
        b"2016-02-01", b"<b>Syria</b>. Earlier talks",
        related=[(b"Talks resume", b"/news/2016/03/4/x.md", b"]]>, <script>alert(1)</script>")]),
    "unicode-oddities": unicode_oddities + SEPARATOR + page(b"2016-01-06", "Caf\u00e9. Other".encode()),
    "links": links + SEPARATOR + B,
    "many-related": many + SEPARATOR + A + SEPARATOR + B,
    "mojibake-controls": parser_seeds["mojibake.md"] + SEPARATOR + parser_seeds["nul-and-controls.md"]
    + SEPARATOR + parser_seeds["cdata-end-and-charrefs.md"],
    "aliases": page(b"2015-12-01", b"ISIS. Alias spelled as a story prefix",
                    related=[(b"x", b"/news/2015/12/2/x.md", b"isis, ISIL, Isil, Islamic State of Iraq and the Levant")])
    + SEPARATOR + page(b"2015-12-02", b"x"),
    "empty-pieces": SEPARATOR + SEPARATOR + b"\n" + SEPARATOR,
    "huge-line": parser_seeds["huge-line.md"] + SEPARATOR + A,
}

for target, seeds in (("FuzzPageParser", parser_seeds), ("FuzzPipeline", pipeline_seeds)):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in seeds.items():
        assert len(data) < LIMIT, (target, name, len(data))
        (folder / name).write_bytes(data)
    print(f"{folder.relative_to(ROOT)}: {len(seeds)} files, {sum(map(len, seeds.values()))} bytes")
