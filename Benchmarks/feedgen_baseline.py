#!/usr/bin/env python3
"""The baseline feedpub is measured against: what a hand-written
python-feedgen script does with a corpus. It reads every page, works out each
event's topics from the other pages' Related lists, and writes an Atom and an
RSS feed of the 50 newest events of every topic (no pages, archives, JSON,
cache or incremental rebuild).

    python3 Benchmarks/feedgen_baseline.py SITE_ROOT OUTPUT

It needs feedgen (`pip install feedgen`). It is a yardstick, not a second
implementation: it follows FORMAT.md loosely (topics by exact name, no
aliases, story prefixes or slug matching, no repair of damaged pages).
"""
import collections
import datetime
import os
import re
import sys

from feedgen.feed import FeedGenerator

DATE = re.compile(r"^###\s*\[?(\d{4})-(\d{2})-(\d{2})")
ITEM = re.compile(r"^\s*\d+\.\s*\[(.*)\]\(([^)\s]*)\)\s*(.*)$")
CONTEXT = re.compile(r"_[Cc]ontext:\s*(.*?)_?\s*$")
SAFE = re.compile(r"[^a-z0-9]+")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse(path, site_path):
    """(date, headline, body, sources, [(target path, [topic names])]) or None."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = CONTROL.sub("", handle.read()).splitlines()
    date = headline = None
    body, sources, related = [], [], []
    section = None
    for line in lines:
        if date is None:
            match = DATE.match(line)
            if match:
                try:
                    date = datetime.datetime(*map(int, match.groups()), tzinfo=datetime.timezone.utc)
                except ValueError:
                    return None
            continue
        if headline is None:
            if line.startswith("# "):
                headline = line[2:].strip()
            continue
        if line.startswith("### "):
            section = "related" if "Related" in line else "sources" if "Source" in line else None
            continue
        match = ITEM.match(line)
        if section == "sources" and match:
            sources.append((match.group(1), match.group(2)))
        elif section == "related" and match:
            target = match.group(2).split("://", 1)[-1]
            target = target[target.find("/news/"):] if "/news/" in target else None
            context = CONTEXT.search(match.group(3))
            names = [name.strip() for name in context.group(1).split(",")] if context else []
            if target:
                related.append((target, [name for name in names if name]))
        elif section is None and line.strip():
            body.append(line.strip())
    if date is None or not headline:
        return None
    return date, headline, body, sources, related


def main():
    root, output = sys.argv[1], sys.argv[2]
    events, topics = {}, collections.defaultdict(set)
    for base, _, files in os.walk(os.path.join(root, "news")):
        for name in files:
            if not name.endswith(".md") or name == "index.md":
                continue
            path = os.path.join(base, name)
            site_path = "/" + os.path.relpath(path, root)
            page = parse(path, site_path)
            if page is None:
                continue
            events[site_path] = page
            for target, names in page[4]:
                for topic in names:
                    topics[topic].add(target)
    os.makedirs(os.path.join(output, "topics"), exist_ok=True)
    slugs = set()
    for topic in sorted(topics):
        shown = sorted((path for path in topics[topic] if path in events),
                       key=lambda path: (events[path][0], path), reverse=True)[:50]
        if not shown:
            continue
        slug = SAFE.sub("-", topic.lower()).strip("-")[:80] or "topic"
        while slug in slugs:
            slug += "-"
        slugs.add(slug)
        feed = FeedGenerator()
        feed.id("https://example.org/feeds/topics/%s.atom" % slug)
        feed.title("Benchmark: " + topic)
        feed.link(href="https://example.org/", rel="alternate")
        feed.description("News about " + topic)
        for path in reversed(shown):
            date, headline, body, sources, _ = events[path]
            entry = feed.add_entry()
            entry.id("https://example.org" + path)
            entry.title(headline[:200])
            entry.link(href="https://example.org" + path)
            entry.published(date)
            entry.updated(date)
            entry.content("".join("<p>%s</p>" % paragraph for paragraph in [headline] + body), type="html")
            for source_name, url in sources:
                entry.link(href=url, rel="related", title=source_name)
        feed.atom_file(os.path.join(output, "topics", slug + ".atom"))
        feed.rss_file(os.path.join(output, "topics", slug + ".rss"))


if __name__ == "__main__":
    main()
