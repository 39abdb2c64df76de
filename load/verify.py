#!/usr/bin/env python3
"""Checks that every write the load run saw acknowledged is readable afterwards.

Reads the seed file (readers and tokens) and what mix.lua recorded: created.txt ("<reader> <id>"
for each 201 to a POST) and versions.txt ("<reader> <id> <version>", the highest version seen in a
2xx answer for each patched book). Pages through every reader's shelf (GET /books?limit=100) on one
keep-alive connection to 127.0.0.1, and prints one JSON line; exits 1 if any write is missing.
"""
import http.client
import json
import sys
from urllib.parse import quote

MAX_PAGES = 10_000  # bound: 1 000 000 books per reader


def shelf(conn, token):
    books, cursor = {}, None
    for _ in range(MAX_PAGES):
        path = "/books?limit=100" + ("&cursor=" + quote(cursor, safe="") if cursor else "")
        conn.request("GET", path, headers={"Authorization": "Bearer " + token})
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"GET {path} answered {response.status}: {body[:200]!r}")
        page = json.loads(body)
        for book in page["items"]:
            books[book["id"]] = book["version"]
        cursor = page.get("nextCursor")
        if not cursor:
            return books
    raise SystemExit("more pages than the bound allows")


def main(port, seed, created, versions):
    tokens = {}
    with open(seed) as f:
        for line in f:
            parts = line.split()
            if parts[0] == "R":
                tokens[parts[1]] = parts[2]
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    shelves = {reader: shelf(conn, token) for reader, token in tokens.items()}
    missing, acknowledged = [], 0
    with open(created) as f:
        for line in f:
            reader, book = line.split()
            acknowledged += 1
            if book not in shelves[reader]:
                missing.append(book)
    behind, patched = [], 0
    with open(versions) as f:
        for line in f:
            reader, book, version = line.split()
            patched += 1
            if shelves[reader].get(book, -1) < int(version):
                behind.append(book)
    print("VERIFY " + json.dumps({"created_acknowledged": acknowledged, "created_missing": len(missing),
                                  "patched_books": patched, "patches_lost": len(behind),
                                  "books_on_shelves": sum(len(s) for s in shelves.values())}))
    return 1 if missing or behind else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
