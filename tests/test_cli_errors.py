"""The real CLI on a folder of good and bad inputs: one error line per bad input, the good
ones extracted, exit code 1, never a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = ("Menteri Luar Negeri Negeri Contoh Ani Wirasena tiba di Jakarta pada Senin untuk "
        "kunjungan resmi. Ia bertemu rekannya untuk membahas kerja sama perdagangan.\n")
ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Menteri Contoh Tiba di Jakarta</title></head><body>
<nav><a href="/">Beranda</a></nav><article><h1>Menteri Contoh Tiba di Jakarta</h1>
<p>Menteri Luar Negeri Negeri Contoh Ani Wirasena tiba di Jakarta pada Senin untuk kunjungan resmi
selama tiga hari atas undangan pemerintah.</p>
<p>Ia dijadwalkan bertemu sejumlah pejabat untuk membahas kerja sama perdagangan dan pendidikan kedua
negara yang telah terjalin sejak lama.</p></article></body></html>"""


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "300", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "kronik", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> tuple[Path, dict[str, str], list[str]]:
    """A folder of good and bad inputs; returns it, bad file -> expected reason, good sources."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "cp1252.txt").write_bytes(GOOD.replace("Senin", "“Senin”").encode("cp1252"))
    (folder / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (folder / "batch.jsonl").write_text(
        json.dumps({"text": GOOD, "source": "batch-good", "published": "2024-06-03"}) + "\n"
        + "{broken json\n"
        + json.dumps({"text": GOOD, "source": "batch-baddate", "published": "kemarin sore"}) + "\n",
        encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "random.txt").write_bytes(bytes(range(1, 256)) * 16)
    (folder / "noise.txt").write_text("Iklan\nADVERTISEMENT\n×\n", encoding="utf-8")
    (folder / "menu.html").write_text("<html><body><nav>Beranda Login</nav></body></html>", encoding="utf-8")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    bad = {
        "batch.jsonl:2": "malformed JSON",
        "empty.txt": "file is empty",
        "image.txt": "binary file (PNG image)",
        "random.txt": "binary file",
        "noise.txt": "no article text",
        "menu.html": "HTML page holds no article text",
        "huge.txt": "over the 20 MB limit",
        "dangling.txt": "broken symbolic link",
        "pipe.txt": "not a regular file",
    }
    good = ["good.txt", "cp1252.txt", "utf16.txt", "page.html", "batch-good", "batch-baddate"]
    return folder, bad, good


def test_bad_inputs_are_reported_one_line_each_and_good_ones_extracted(mixed_folder, tmp_path):
    folder, bad, good = mixed_folder
    out = tmp_path / "out.jsonl"
    result = run_cli("extract", str(folder), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == len(bad), result.stderr
    for name, reason in bad.items():
        matching = [line for line in error_lines if name in line]
        assert len(matching) == 1 and reason in matching[0], (name, result.stderr)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    sources = sorted(Path(r["source"]).name for r in records)
    assert sources == sorted(good)
    by_name = {Path(r["source"]).name: r for r in records}
    assert "Ani Wirasena" in by_name["utf16.txt"]["text"]
    assert "“Senin”" in by_name["cp1252.txt"]["text"]
    assert by_name["batch-good"]["published"] == "2024-06-03"
    assert by_name["batch-baddate"]["published"] is None or by_name["batch-baddate"]["published_inferred"]
    warning = f"warning: {folder / 'batch.jsonl'}:3: 'published' \"kemarin sore\" is not an ISO 8601 date"
    assert any(line.startswith(warning) for line in result.stderr.splitlines()), result.stderr
    assert f"{len(bad)} input(s) failed, {len(good)} extracted" in result.stderr


def test_ingest_reports_bad_inputs_and_warnings_as_extract_does(mixed_folder, tmp_path):
    folder, bad, good = mixed_folder
    result = run_cli("ingest", str(folder), "--db", str(tmp_path / "k.duckdb"), "--json", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == len(bad), result.stderr
    lines = [line for line in result.stderr.splitlines() if "batch.jsonl:3" in line]
    assert len(lines) == 1 and lines[0].startswith("warning: ") and "skipped" not in lines[0], result.stderr
    summary = json.loads(result.stdout)
    assert summary["input_failures"] == len(bad) and summary["added"] >= 1


def test_all_good_inputs_exit_zero(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("extract", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == GOOD.strip()
    assert "error" not in result.stderr


def test_missing_input_is_one_error_line(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("extract", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), cwd=tmp_path)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == \
        [f"error: {tmp_path / 'missing.txt'}: no such file or folder"]
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_unwritable_output_is_reported_before_any_input_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "no-such-folder" / "out.jsonl"
    result = run_cli("extract", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "-o", str(out),
                     cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"error: {out}: cannot write (No such file or directory)"]


def test_jsonl_whose_every_line_is_unusable_fails(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "batch.jsonl").write_text(json.dumps({"text": 123}) + "\n" + json.dumps(["x"]) + "\n",
                                        encoding="utf-8")
    for target in (folder, folder / "batch.jsonl"):
        result = run_cli("extract", str(target), cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
            f"error: {folder / 'batch.jsonl'}:1: 'text' is a number, not a string",
            f"error: {folder / 'batch.jsonl'}:2: line is an array, not a JSON object"]


def test_named_file_that_cannot_be_read_is_one_error_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    too_long = tmp_path / ("x" * 300 + ".txt")
    result = run_cli("extract", str(too_long), str(tmp_path / "a.txt"), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == \
        [f"error: {too_long}: cannot read (File name too long)"]
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(tmp_path / "a.txt")]


def test_jsonl_with_line_separators_in_strings_and_a_surrogate_escape_is_extracted(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"text": GOOD.replace(". ", separator), "source": f"s{i}"}, ensure_ascii=False)
             for i, separator in enumerate([".\u2028", ".\u0085", ".\u2029"])]
    lines.append(json.dumps({"text": GOOD.replace("Senin", "Senin\ud800"), "source": "s3\udc00"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("extract", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["s0", "s1", "s2", "s3?"]
