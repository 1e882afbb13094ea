"""Reads Atom feeds with python's feedparser (a parser sunset did not write) and prints what the
browser tests check, as JSON: for each file whether feedparser found it malformed (bozo, and
why), its format and language, and each entry's id, title and its language, date and link."""

import json
import sys
import time

import feedparser

found = {}
for path in sys.argv[1:]:
    with open(path, "rb") as file:
        feed = feedparser.parse(file.read())
    found[path] = {
        "bozo": int(feed.bozo),
        "bozo_exception": str(feed.get("bozo_exception", "")),
        "version": feed.version,
        "language": feed.feed.get("language"),
        "entries": [
            {
                "id": entry.id,
                "title": entry.title,
                "title_language": entry.title_detail.language,
                "updated": time.strftime("%Y-%m-%dT%H:%M:%SZ", entry.updated_parsed),
                "link": entry.link,
            }
            for entry in feed.entries
        ],
    }
print(json.dumps(found))
