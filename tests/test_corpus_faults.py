"""Fault injection and concurrency: ingests killed with SIGKILL at random moments and crashed at every write
step leave a whole corpus (all of the ingest or none, nothing earlier lost, no stray files); concurrent
ingests keep every entry and refuse every duplicate."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

import bot.cleaner  # noqa: F401 - loaded before forking, so a child starts working at once
from bot.config import Config
from bot.corpus import CorpusStore
from bot.corpus_files import stated_in
from bot.corpus_journal import set_crash_hook
from bot.corpus_verify import verify_store
from bot.errors import IngestError
from bot.models import ArticleHints
from tests.corpus_articles import article_text, make_folder

KILLS = 60
REFUSED = 3  # a child's exit status when its ingest was refused


def in_child(work: Callable[[], object]) -> int:
    """Run `work` in a forked process; its exit status says how it ended (0 done, 3 refused, 1 other)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which never returns to pytest
        code = 1
        try:
            work()
            code = 0
        except IngestError:
            code = REFUSED
        finally:
            os._exit(code)
    return pid


def exit_code(pid: int) -> int:
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def snapshot(root: Path) -> dict[str, dict[str, str]]:
    """Each article with a raw and a cleaned file, and the metadata its cleaned file states."""
    raw = {p.stem for p in (root / "raw").iterdir() if p.suffix in (".txt", ".html")}
    return {p.stem: stated_in(p) for p in (root / "clean").glob("*.json") if p.stem in raw}


def start_ingest(root: Path, config: Config, tmp_path: Path, n: int) -> tuple[int, set[str]]:
    """Two folder ingests for every single-file ingest, each of fresh articles; the child and its ids."""
    seeds = [1000 + 10 * n + j for j in range(3)]
    if n % 3 == 2:
        hints = ArticleHints(outlet=f"Outlet {n}", date="2016-09-05")
        data = article_text(seeds[0]).encode()
        return in_child(lambda: CorpusStore(root).ingest_data(data, f"one{n}.txt", config, hints)), {
            f"one{n}"
        }
    ids = make_folder(tmp_path, f"batch{n}", seeds)
    return in_child(lambda: CorpusStore(root).ingest_folder(tmp_path / f"batch{n}", config)), set(ids)


def check_after_crash(root: Path, before: dict[str, dict[str, str]], ids: set[str]) -> str:
    """Recover, then: whole, nothing earlier lost or changed, and the ingest is all there or not at all."""
    store = CorpusStore(root)
    store.raw_ids()  # the next open recovers
    assert verify_store(store) == []
    after = snapshot(root)
    assert before.items() <= after.items(), "an earlier article or its stated metadata was lost"
    added = after.keys() - before.keys()
    assert added in (set(), ids), f"a partial ingest is visible: {sorted(added)}"
    assert all(after[i] for i in added), "an added article lost its stated metadata"
    return "all" if added else "none"


def test_ingest_killed_at_random_moments_leaves_a_whole_corpus(
    corpus_copy: tuple[Path, Config], tmp_path: Path
) -> None:
    root, config = corpus_copy
    started = time.perf_counter()
    pid, _ = start_ingest(root, config, tmp_path, 0)
    assert exit_code(pid) == 0
    span = time.perf_counter() - started  # kills are spread over one whole ingest and a little after
    rng = random.Random(20150928)
    outcomes: Counter[str] = Counter()
    for n in range(1, KILLS + 1):
        before = snapshot(root)
        pid, ids = start_ingest(root, config, tmp_path, n)
        time.sleep(rng.uniform(0.0, span * 1.5))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        outcomes[check_after_crash(root, before, ids)] += 1
    assert outcomes["all"] > 0 and outcomes["none"] > 0, outcomes  # kills landed before and after commit


def test_a_crash_at_every_write_step_is_all_or_nothing(
    corpus_copy: tuple[Path, Config], tmp_path: Path
) -> None:
    root, config = corpus_copy
    probe = tmp_path / "probe"
    shutil.copytree(root, probe)
    steps: list[str] = []
    set_crash_hook(steps.append)
    try:
        CorpusStore(probe).ingest_folder(tmp_path / make_folder_named(tmp_path, "probe-batch", 0), config)
    finally:
        set_crash_hook(None)
    commit = steps.index("commit")
    assert any(s.startswith("apply") for s in steps[commit:]) and steps[-1] == "finish"
    for k in range(len(steps)):
        name = make_folder_named(tmp_path, f"batch{k}", k + 1)
        ids = {p.stem for p in (tmp_path / name).glob("*.txt")}
        before = snapshot(root)

        def work(name: str = name, k: int = k) -> None:
            count = iter(range(len(steps)))
            set_crash_hook(lambda _step: os._exit(9) if next(count) == k else None)
            CorpusStore(root).ingest_folder(tmp_path / name, config)

        assert exit_code(in_child(work)) == 9
        assert check_after_crash(root, before, ids) == ("all" if k > commit else "none"), steps[k]


def make_folder_named(tmp_path: Path, name: str, n: int) -> str:
    make_folder(tmp_path, name, [5000 + 10 * n + j for j in range(3)])
    return name


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_folder_ingests_keep_every_entry_and_refuse_duplicates(
    corpus_copy: tuple[Path, Config], tmp_path: Path, writers: int
) -> None:
    root, config = corpus_copy
    for rnd in range(3):
        unique: set[str] = set()
        for w in range(writers):
            unique |= set(
                make_folder(tmp_path, f"r{rnd}w{w}", [9000 + 100 * rnd + 10 * w + j for j in range(3)])
            )
            (tmp_path / f"r{rnd}w{w}" / f"copy{rnd}_{w}.txt").write_text(
                article_text(8000 + rnd), encoding="utf-8"
            )
        before = snapshot(root)
        children = [
            in_child(lambda folder=tmp_path / f"r{rnd}w{w}": CorpusStore(root).ingest_folder(folder, config))
            for w in range(writers)
        ]
        assert [exit_code(pid) for pid in children] == [0] * writers
        after = snapshot(root)
        added = after.keys() - before.keys()
        copies = {i for i in added if i.startswith("copy")}
        assert added - copies == unique and len(copies) == 1, sorted(added)
        assert all(after[i] for i in unique)  # every manifest entry kept, in the cleaned files too...
        assert set(CorpusStore(root).manifest()) >= unique  # ...and in sources.yaml
        assert verify_store(CorpusStore(root)) == []


def test_six_copies_of_one_file_ingested_at_once_keep_one(corpus_copy: tuple[Path, Config]) -> None:
    root, config = corpus_copy
    data = article_text(7777).encode()
    for rnd in range(3):
        before = snapshot(root)
        copy = data + b"\n" * rnd  # another text each round
        children = [
            in_child(
                lambda name=f"r{rnd}c{n}.txt", copy=copy: CorpusStore(root).ingest_data(copy, name, config)
            )
            for n in range(6)
        ]
        assert sorted(exit_code(pid) for pid in children) == [0] + [REFUSED] * 5
        assert len(snapshot(root).keys() - before.keys()) == 1
        assert verify_store(CorpusStore(root)) == []
