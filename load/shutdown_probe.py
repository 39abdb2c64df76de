#!/usr/bin/env python3
"""Classifies every request made around a SIGTERM of the server.

Runs N client threads against 127.0.0.1:PORT, each on one keep-alive connection (re-opened after
any failure), mixing GET /books/{id} and POST /books of seeded readers, until DEADLINE seconds
have passed or the server has refused connections for a second. Every request ends in exactly one
outcome:
  complete     a status line and exactly Content-Length body bytes (a 2xx must also be JSON)
  torn         a status line, then the connection ended before the whole body: a broken answer
  no-response  the connection closed or reset before any status line: nothing was acknowledged,
               the client knows it got no answer (safe to retry reads; writes are in doubt)
  refused      the connection was refused: the server no longer listens
Prints one JSON line, split by whether the request started before or after the SIGTERM (the time
shutdown.sh wrote into TERM_FILE). Exits 1 if any answer was torn or any 2xx was not JSON.
"""
import http.client
import json
import random
import socket
import sys
import threading
import time

PORT, SEED, THREADS, DEADLINE, TERM_FILE = (int(sys.argv[1]), sys.argv[2], int(sys.argv[3]),
                                             float(sys.argv[4]), sys.argv[5])
tokens, books, records, lock = {}, [], [], threading.Lock()
with open(SEED) as f:
    for line in f:
        p = line.split()
        if p[0] == "R":
            tokens[p[1]] = p[2]
        elif p[0] == "B":
            books.append((p[1], p[2]))
start = time.time()
refused_since = [None]


def one(conn, rnd):
    reader, book = rnd.choice(books)
    headers = {"Authorization": "Bearer " + tokens[reader]}
    if rnd.random() < 0.6:
        conn.request("GET", "/books/" + book, headers=headers)
    else:
        headers["Content-Type"] = "application/json"
        conn.request("POST", "/books", body='{"title":"Shutdown","author":"probe","status":"READ"}',
                     headers=headers)
    try:
        response = conn.getresponse()
    except (http.client.RemoteDisconnected, http.client.BadStatusLine, ConnectionError, socket.timeout):
        return "no-response", None
    declared = response.getheader("Content-Length")
    try:
        body = response.read()
    except (http.client.IncompleteRead, ConnectionError, socket.timeout):
        return "torn", response.status
    if declared is None or int(declared) != len(body):
        return "torn", response.status
    if 200 <= response.status < 300 and response.status != 204:
        try:
            json.loads(body)
        except ValueError:
            return "torn", response.status
    if (response.getheader("Connection") or "").lower() == "close":
        conn.close()
    return "complete", response.status


def worker(seed):
    rnd = random.Random(seed)
    conn = None
    while time.time() - start < DEADLINE:
        if refused_since[0] and time.time() - refused_since[0] > 1.0:
            return
        began = time.time()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
                conn.connect()
            outcome, status = one(conn, rnd)
            refused_since[0] = None
        except ConnectionRefusedError:
            outcome, status, conn = "refused", None, None
            refused_since[0] = refused_since[0] or time.time()
            time.sleep(0.05)
        except (ConnectionError, socket.timeout, http.client.HTTPException):
            outcome, status = "no-response", None
        if outcome != "complete" and conn is not None:
            conn.close()
            conn = None
        with lock:
            records.append((began, outcome, status))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
try:
    with open(TERM_FILE) as f:
        term = float(f.read().strip())
except (OSError, ValueError):
    term = float("inf")
summary = {}
for began, outcome, status in records:
    phase = "before_term" if began < term else "after_term"
    key = outcome if status is None else f"{outcome}_{status}"
    summary.setdefault(phase, {}).setdefault(key, 0)
    summary[phase][key] += 1
torn = sum(n for phase in summary.values() for k, n in phase.items() if k.startswith("torn"))
print("PROBE " + json.dumps({"requests": len(records), "torn": torn, "by_phase": summary}, sort_keys=True))
sys.exit(1 if torn else 0)
