"""The corpus store's transactions: stated metadata survives, `clean --check` names each fault, limits,
HTML raw files, the digest index and recovery of an interrupted write."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.config import Config, load_config
from bot.corpus import CorpusStore
from bot.corpus_files import manifest_text
from bot.corpus_journal import STATE_DIR, Transaction
from bot.corpus_verify import verify_store
from bot.errors import ConfigError, CorpusError, IngestError
from bot.models import ArticleHints
from tests.corpus_articles import article_text, make_folder

HINTS = ArticleHints(outlet="Newsline", date="2015-09-29", title="Talks", url="https://example.org/a")


def ingest_one(root: Path, config: Config, seed: int, hints: ArticleHints | None = HINTS) -> str:
    CorpusStore(root).ingest_data(article_text(seed).encode(), f"s{seed}.txt", config, hints)
    return f"s{seed}"


def test_stated_metadata_lives_in_the_cleaned_article_and_survives_a_lost_manifest(
    corpus_copy: tuple[Path, Config], capsys: pytest.CaptureFixture[str]
) -> None:
    root, config = corpus_copy
    doc_id = ingest_one(root, config, 1)
    stated = json.loads((root / "clean" / f"{doc_id}.json").read_text(encoding="utf-8"))["stated"]
    assert stated == {"outlet": "Newsline", "date": "2015-09-29", "title": "Talks", "url": HINTS.url}
    (root / "sources.yaml").unlink()  # the manifest is lost...
    store = CorpusStore(root)
    assert store.check(config) == [("manifest entry missing", doc_id)]
    assert main(["--corpus", str(root), "clean", "--check"]) == 1
    assert capsys.readouterr().out == f"manifest entry missing: {doc_id}\n"
    store.clean_all(config)  # ...and `clean` keeps the metadata and restores the entry
    article = next(a for a in store.load_articles() if a.id == doc_id)
    assert (article.outlet, article.date, article.title) == ("Newsline", "2015-09-29", "Talks")
    assert store.manifest()[doc_id] == HINTS
    assert store.check(config) == [] and verify_store(store) == []


def test_clean_check_tells_each_fault_apart(corpus_copy: tuple[Path, Config]) -> None:
    root, config = corpus_copy
    ids = sorted(p.stem for p in (root / "raw").glob("*.txt"))
    (root / "clean" / f"{ids[0]}.json").unlink()
    path = root / "clean" / f"{ids[1]}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = "Edited by hand"
    path.write_text(json.dumps(data), encoding="utf-8")
    (root / "raw" / f"{ids[2]}.txt").unlink()
    assert CorpusStore(root).check(config) == [
        ("raw without cleaned", ids[0]),
        ("stale", ids[1]),
        ("cleaned without raw", ids[2]),
    ]


@pytest.mark.parametrize("command", [["clean", "--check"], ["ingest", "FOLDER"]])
@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("articles:\n  a5:\n    outlet: Caf\u00e9\n".encode("latin-1"), "sources.yaml:3: not UTF-8 text"),
        (b"articles:\n  a5: [unclosed\n    outlet: x\n", "sources.yaml:3: not valid YAML"),
        (b"articles:\n  a5:\n    date: 2015-02-30\n", "sources.yaml: not valid YAML (day is out of range"),
        (b"articles: [a5]\n", "sources.yaml: 'articles' must map article ids"),
    ],
)
def test_a_broken_sources_yaml_is_one_line_naming_the_file(
    corpus_copy: tuple[Path, Config],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    manifest: bytes,
    message: str,
) -> None:
    root, _ = corpus_copy
    folder = tmp_path / "batch"
    make_folder(tmp_path, "batch", [5])
    for target in (folder / "sources.yaml", root / "sources.yaml"):
        target.write_bytes(manifest)
    argv = [str(folder) if part == "FOLDER" else part for part in command]
    assert main(["--corpus", str(root), *argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert not (root / "raw" / "a5.txt").exists()


def test_limits_refuse_a_large_file_before_reading_it_and_a_long_article(
    corpus_copy: tuple[Path, Config], tmp_path: Path
) -> None:
    root, config = corpus_copy
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 10 GB on paper, read only if the limit is not checked first
        handle.truncate(10_000_000_000)
    with pytest.raises(IngestError, match=r"big.txt: 10,000,000,000 bytes, more than ingest.max_file_bytes"):
        CorpusStore(root).ingest(big, config)
    strict = dataclasses.replace(config, ingest=dataclasses.replace(config.ingest, max_sentences=3))
    with pytest.raises(IngestError, match=r"long.txt: 6 sentences, more than ingest.max_sentences \(3\)"):
        CorpusStore(root).ingest_data(article_text(2).encode(), "long.txt", strict)
    assert verify_store(CorpusStore(root)) == [] and "long" not in CorpusStore(root).raw_ids()


def test_a_page_is_stored_as_html_and_read_back(corpus_copy: tuple[Path, Config]) -> None:
    root, config = corpus_copy
    body = article_text(3)
    head = "<!DOCTYPE html>\n<html><head><title>Talks</title></head>"
    page = f"{head}<body><article>\n{body}\n</article></body></html>\n"
    store = CorpusStore(root)
    store.ingest_data(page.encode(), "page.html", config)
    assert (root / "raw" / "page.html").read_text(encoding="utf-8") == page
    assert "page" in store.raw_ids() and store.read_raw("page") == page
    with pytest.raises(IngestError, match="already in the corpus as 'page'"):
        store.ingest_data(page.encode(), "again.txt", config)
    assert verify_store(store) == []


def test_the_digest_index_is_persisted_and_rebuilt_when_missing_or_stale(
    corpus_copy: tuple[Path, Config],
) -> None:
    root, config = corpus_copy
    ingest_one(root, config, 4)
    digests = root / STATE_DIR / "digests.json"
    listed = json.loads(digests.read_text(encoding="utf-8"))["files"]
    assert sorted(listed) == sorted(p.name for p in (root / "raw").iterdir())
    digests.unlink()
    with pytest.raises(IngestError, match="already in the corpus as 's4'"):
        CorpusStore(root).ingest_data(article_text(4).encode(), "copy.txt", config)
    (root / "raw" / "s4.txt").write_text(article_text(40), encoding="utf-8")  # edited behind its back
    with pytest.raises(IngestError, match="already in the corpus as 's4'"):
        CorpusStore(root).ingest_data(article_text(40).encode(), "copy.txt", config)


def test_a_folder_ingest_is_one_transaction_writing_the_manifest_once(
    corpus_copy: tuple[Path, Config], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, config = corpus_copy
    ids = make_folder(tmp_path, "batch", list(range(10, 16)))
    staged: list[str] = []
    real = Transaction.write
    monkeypatch.setattr(
        Transaction, "write", lambda self, rel, data: staged.append(rel) or real(self, rel, data)
    )
    report = CorpusStore(root).ingest_folder(tmp_path / "batch", config)
    assert sorted(a.id for a in report.added) == ids and staged.count("sources.yaml") == 1
    manifest = CorpusStore(root).manifest()
    assert [manifest[i].outlet for i in ids] == [f"Example Wire {i % 7}" for i in range(10, 16)]
    assert {phase for phase, _ in report.timings} >= {"read and clean", "stage"}


def test_recovery_rolls_a_committed_journal_forward_and_an_open_stage_back(
    corpus_copy: tuple[Path, Config],
) -> None:
    root, _ = corpus_copy
    state = root / STATE_DIR
    (state / "txn" / "raw").mkdir(parents=True)  # committed: renamed, not yet moved into place
    (state / "txn" / "raw" / "late.txt").write_text("late\n", encoding="utf-8")
    (state / "stage.tmp" / "raw").mkdir(parents=True)  # uncommitted: a dead writer's stage
    (state / "stage.tmp" / "raw" / "never.txt").write_text("never\n", encoding="utf-8")
    (root / "clean" / ".x.json.abc.tmp").write_text("partial", encoding="utf-8")
    (root / ".sources.yaml.abc.tmp").write_text("partial", encoding="utf-8")
    (root / ".serving.abc.tmp").write_text("another layer's", encoding="utf-8")  # not the store's to remove
    (root / "raw" / ".folder.tmp").mkdir()  # a folder, not a temporary file
    CorpusStore(root).raw_ids()  # any open recovers
    assert (root / "raw" / "late.txt").read_text(encoding="utf-8") == "late\n"
    assert not (root / "raw" / "never.txt").exists()
    assert not (state / "txn").exists() and not (state / "stage.tmp").exists()
    assert not list((root / "clean").glob(".*.tmp")) and not (root / ".sources.yaml.abc.tmp").exists()
    assert (root / ".serving.abc.tmp").exists() and (root / "raw" / ".folder.tmp").is_dir()


def test_a_reader_leaves_a_live_writers_stage_alone(corpus_copy: tuple[Path, Config]) -> None:
    root, _ = corpus_copy
    writer = CorpusStore(root)
    with writer.lock():
        txn = Transaction(root)
        txn.write("raw/pending.txt", b"pending\n")
        assert "pending" not in CorpusStore(root).raw_ids()  # another store opens mid-ingest
        assert txn.stage.exists()
        txn.commit()
    assert "pending" in CorpusStore(root).raw_ids()


def test_a_held_lock_times_out_with_one_line(corpus_copy: tuple[Path, Config]) -> None:
    root, config = corpus_copy
    hurried = dataclasses.replace(config, ingest=dataclasses.replace(config.ingest, lock_timeout=0.2))
    with CorpusStore(root).lock():
        pid = os.fork()  # another process: filelock is reentrant within one
        if pid == 0:  # pragma: no cover - the child's exit status carries the result
            try:
                CorpusStore(root).ingest_data(article_text(9).encode(), "s9.txt", hurried)
            except CorpusError as exc:
                os._exit(7 if "another process has been writing the corpus for 0.2 s" in str(exc) else 1)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 7
    assert "s9" not in CorpusStore(root).raw_ids()


def test_a_large_folder_cleaned_by_worker_processes_gives_the_same_corpus(
    corpus_copy: tuple[Path, Config], tmp_path: Path
) -> None:
    root, config = corpus_copy
    ids = make_folder(tmp_path, "batch", list(range(100, 170)))  # above the pool's minimum
    (tmp_path / "batch" / "empty.txt").write_bytes(b"")
    twin = tmp_path / "twin"
    shutil.copytree(root, twin)
    reports = {}
    for workers, target in ((1, root), (2, twin)):
        setting = dataclasses.replace(config, ingest=dataclasses.replace(config.ingest, workers=workers))
        reports[workers] = CorpusStore(target).ingest_folder(tmp_path / "batch", setting)
    assert [a.id for a in reports[2].added] == ids and reports[2].skipped == reports[1].skipped
    for name in [f"clean/{i}.json" for i in ids] + ["sources.yaml"]:
        assert (twin / name).read_bytes() == (root / name).read_bytes(), name
    assert verify_store(CorpusStore(twin)) == []


def test_folder_ingest_command_shows_rate_and_eta(
    corpus_copy: tuple[Path, Config], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus_copy
    make_folder(tmp_path, "batch", [21, 22, 23])
    assert main(["--corpus", str(root), "ingest", str(tmp_path / "batch")]) == 0
    out, err = capsys.readouterr()
    assert out == "added 3 articles, skipped 0\n"
    assert re.fullmatch(r"ingested 3/3, [\d.]+ articles/s, ETA 0s\n", err)


@pytest.mark.parametrize(
    ("key", "value"), [("max_file_bytes", "0"), ("max_sentences", "-1"), ("lock_timeout", ".nan")]
)
def test_ingest_limits_are_range_checked_in_config(tmp_path: Path, key: str, value: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(f"ingest:\n  {key}: {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"config.yaml:2: ingest.{key}: "):
        load_config(path)


TRICKY = [
    "plain",
    'a "quote" and \\',
    "tab\tnew\nline",
    "nel\x85 ls\u2028",
    "bom\ufeff",
    "Putin\u2019s \u00abtalks\u00bb",
    "123",
    "true",
    "null",
    "- dash: # hash",
    "\x7f\x00",
    "\U0001f600\u200b",
]


def test_the_manifest_round_trips_any_text_through_yaml() -> None:
    entries = {f"id{i}": {"outlet": v, "title": v} for i, v in enumerate(TRICKY)} | {"123": {"url": "u"}}
    text = manifest_text(entries).decode("utf-8")
    assert yaml.safe_load(text)["articles"] == entries


def test_a_hand_edited_manifest_wins_over_the_stores_copy(corpus_copy: tuple[Path, Config]) -> None:
    root, config = corpus_copy
    doc_id = ingest_one(root, config, 31)
    assert (root / STATE_DIR / "manifest.json").exists()
    path = root / "sources.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Newsline", "Renamed Daily"), encoding="utf-8")
    assert CorpusStore(root).manifest()[doc_id].outlet == "Renamed Daily"
    assert CorpusStore(root).check(config) == [("stale", doc_id)]
    ingest_one(root, config, 32)  # the next write keeps the edit
    assert CorpusStore(root).manifest()[doc_id].outlet == "Renamed Daily"


def test_metadata_that_is_not_text_is_refused(corpus_copy: tuple[Path, Config]) -> None:
    root, config = corpus_copy
    with pytest.raises(IngestError, match="--outlet is not valid UTF-8 text"):
        ingest_one(root, config, 33, ArticleHints(outlet="bad \udcff byte"))


def _run_while_locked(root: Path, tmp_path: Path, command: list[str]) -> tuple[int, list[str]]:
    """Run `command` in a forked process while this one holds the corpus lock (the child may wait only
    0.2 s for it); its exit status, and the argv that runs it again afterwards."""
    settings = tmp_path / "config.yaml"
    shipped = (Path(__file__).resolve().parents[1] / "config.yaml").read_text(encoding="utf-8")
    settings.write_text(shipped.replace("lock_timeout: 600", "lock_timeout: 0.2"), encoding="utf-8")
    argv = ["--config", str(settings), "--corpus", str(root), *command]
    with CorpusStore(root).lock():
        pid = os.fork()  # another process, while an ingest holds the lock
        if pid == 0:  # pragma: no cover - the child's exit status carries the result
            os._exit(main(argv))
        _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), argv


def test_the_index_command_writes_under_the_corpus_lock(
    corpus_copy: tuple[Path, Config], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus_copy
    status, argv = _run_while_locked(root, tmp_path, ["index"])
    assert status == 1 and not (root / "index").exists()
    assert main(argv) == 0 and (root / "index").is_dir()
    assert "index ready" in capsys.readouterr().out


def test_an_index_rebuilt_by_ask_is_written_under_the_corpus_lock(
    corpus_copy: tuple[Path, Config], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus_copy
    # a question asked while an ingest holds the lock: it may not build the index
    status, argv = _run_while_locked(root, tmp_path, ["ask", "How long did the meeting last?"])
    assert status == 1 and not (root / "index" / "bm25").exists()
    assert main(argv) == 0 and (root / "index" / "bm25").is_dir()
    assert "“" in capsys.readouterr().out  # answered, with a quotation
