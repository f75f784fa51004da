"""Watched folders: a file dropped into a watched folder reaches a running server's timeline,
a re-saved file adds nothing, and ``kill -9`` during watch-ingest loses and duplicates nothing."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from test_store_crash import ARTICLES, BATCH, consistency_problems, totals, wait_for_commits, write_articles

from kronik.live.files import FolderFeeder
from kronik.live.service import Writer
from kronik.store import Chronicle

# Waits for a subprocess are bounded so that a broken build fails instead of hanging.
WAIT_SECONDS = 180
ARTICLE = ("Jakarta, Senin (3/3/2031) - Presiden Prancis melakukan pembicaraan telepon dengan "
           "Presiden Brasil pada 3 Maret 2031.\n\nKedua presiden membahas kerja sama pelabuhan.\n")


def kronik(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kronik", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_kill_9_during_watch_ingest_loses_and_duplicates_nothing(tmp_path):
    folder = tmp_path / "articles"
    write_articles(folder)
    db = tmp_path / "k.duckdb"
    proc = kronik("watch", str(folder), "--db", str(db), "--batch", str(BATCH))
    wait_for_commits(db, proc)
    assert proc.poll() is None, "watch ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert consistency_problems(db) == []
    partial = totals(db)["documents"]
    assert partial < ARTICLES

    resumed = kronik("watch", str(folder), "--db", str(db), "--once")
    out, err = resumed.communicate(timeout=WAIT_SECONDS * 3)
    assert resumed.returncode == 0, err
    assert json.loads(out)["documents"] == ARTICLES - partial
    assert consistency_problems(db) == []
    clean = tmp_path / "clean.duckdb"
    kronik("ingest", str(folder), "--db", str(clean)).communicate(timeout=WAIT_SECONDS * 3)
    assert totals(db) == totals(clean)
    with Chronicle.open(db, read_only=True) as store:
        marks = store.con.execute("SELECT count(*), count(DISTINCT path) FROM file_marks").fetchall()
    assert marks == [(ARTICLES, ARTICLES)]


def test_a_resaved_file_adds_nothing_and_an_edited_one_is_read_again(tmp_path):
    path = tmp_path / "in" / "a.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    os.utime(path, (time.time() - 5, time.time() - 5))
    with Chronicle.open(tmp_path / "k.duckdb") as chronicle:
        writer = Writer(chronicle)
        writer.start()
        feeder = FolderFeeder(writer)
        assert feeder.offer(path)
        path.write_text(ARTICLE, encoding="utf-8")  # saved again, same bytes
        os.utime(path, (time.time() - 4, time.time() - 4))
        assert feeder.offer(path)
        path.write_text(ARTICLE + "\nKalimat tambahan.\n", encoding="utf-8")
        os.utime(path, (time.time() - 3, time.time() - 3))
        assert feeder.offer(path)
        writer.stop()
        stats = chronicle.stats()
        status = writer.status()
    assert (stats["documents"], status.ingested_last_hour, status.failed_last_hour) == (1, 2, 0)


def test_a_file_still_being_written_waits_and_a_vanished_one_costs_nothing(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    os.utime(path, (time.time() + 60, time.time() + 60))  # as if written this very moment
    with Chronicle.open(tmp_path / "k.duckdb") as chronicle:
        writer = Writer(chronicle)
        writer.start()
        feeder = FolderFeeder(writer)
        assert not feeder.offer(path)  # modified just now: looked at again later
        path.unlink()
        assert feeder.offer(tmp_path / "b.txt")
        writer.stop()
        assert chronicle.stats()["documents"] == 0
        assert writer.status().failed_last_hour == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.loads(response.read())
    except OSError:
        return None


def wait_for(predicate, proc: subprocess.Popen):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and proc.poll() is None:
        found = predicate()
        if found:
            return found
        time.sleep(0.2)
    return None


def test_a_file_dropped_into_a_watched_folder_reaches_a_running_servers_timeline(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = kronik("serve", "--db", str(tmp_path / "k.duckdb"), "--port", str(port),
                    "--watch", str(folder))
    try:
        status = wait_for(lambda: get_json(f"{base}/status.json"), server)
        assert status and status["watching"] == [str(folder)], server.stderr.read() if server.poll() is not None else status
        assert get_json(f"{base}/timeline.json")["paging"]["total"] == 0
        (folder / "sub").mkdir()
        (folder / "sub" / "call.txt").write_text(ARTICLE, encoding="utf-8")
        timeline = wait_for(lambda: (t := get_json(f"{base}/timeline.json")) and
                            t["paging"]["total"] and t, server)
        assert timeline, "the dropped file never reached the timeline"
        assert "FRA" in json.dumps(timeline["events"][0]) and "BRA" in json.dumps(timeline["events"][0])
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=WAIT_SECONDS)
