"""The corpus folder: committed cleaned files are fresh and valid, and ingest is all-or-nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bot.config import Config
from bot.corpus import CorpusStore
from bot.corpus_journal import set_crash_hook
from bot.errors import CorpusError, IngestError
from bot.models import Article, ArticleHints

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def tree_digest(folder: Path) -> str:
    """Every file's path and bytes, except the writers' lock file (taking the lock creates it)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.relative_to(folder) != Path(".store", "lock"):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_raw_corpus_is_the_seeds_byte_for_byte() -> None:
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.fail(f"{seeds} is missing: clone the project with ../shared beside it")
    for seed in sorted(seeds.glob("*.txt")):
        assert (ROOT / "corpus" / "raw" / seed.name).read_bytes() == seed.read_bytes()


def test_committed_clean_corpus_is_not_stale(config: Config) -> None:
    assert CorpusStore(config.corpus_dir).stale(config) == [], "run `summitbot clean` and commit corpus/clean"


def test_every_cleaned_file_validates_against_the_schema(config: Config) -> None:
    store = CorpusStore(config.corpus_dir)
    paths = sorted(store.clean_dir.glob("*.json"))
    assert [p.stem for p in paths] == store.raw_ids()
    for path in paths:
        article = Article.from_dict(json.loads(path.read_text(encoding="utf-8")), where=str(path))
        assert article.sentences, path
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
            assert sentence.text in (store.raw_dir / f"{article.id}.txt").read_text(encoding="utf-8")


def test_broken_clean_file_names_the_file_and_line(corpus_copy: tuple[Path, Config]) -> None:
    root, _ = corpus_copy
    path = next((root / "clean").glob("*.json"))
    path.write_text('{\n "schema": 1,\n "id": oops\n}', encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"{path.name}:3: not valid JSON"):
        CorpusStore(root).load_articles()


def test_schema_fault_names_the_key(corpus_copy: tuple[Path, Config]) -> None:
    root, _ = corpus_copy
    path = next((root / "clean").glob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sentences"][0]["role"] = "sidebar"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"sentences\[0\]: role 'sidebar'"):
        CorpusStore(root).load_articles()


def test_ingest_adds_raw_clean_and_manifest(corpus_copy: tuple[Path, Config], tmp_path: Path) -> None:
    root, config = corpus_copy
    source = tmp_path / "wire_story.txt"
    source.write_bytes((FIXTURES / "wire_dateline.txt").read_bytes())
    store = CorpusStore(root)
    article = store.ingest(source, config, ArticleHints(outlet="Newsline", url="https://example.org/a"))
    assert article.outlet == "Newsline" and article.url == "https://example.org/a"
    assert (root / "raw" / "wire_story.txt").read_bytes() == source.read_bytes()
    assert json.loads((root / "clean" / "wire_story.json").read_text(encoding="utf-8"))["id"] == "wire_story"
    assert store.manifest()["wire_story"].outlet == "Newsline"
    assert store.stale(config) == []  # the manifest keeps the hints, so `clean` gives the same result


@pytest.mark.parametrize(
    ("name", "data", "hints", "message"),
    [
        ("empty.txt", b"  \n\n", None, "the file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", None, "a binary file"),
        ("latin1.txt", "Putin sagte: \u00abja\u00bb".encode("latin-1"), None, "not UTF-8"),
        ("000_b8e5fba59889b7c8.txt", b"Some new text about the summit.\n", None, "already in the corpus"),
        (
            "bad_date.txt",
            b"Putin met Obama at the UN on Monday.\n",
            ArticleHints(date="2015-13-45"),
            "bad date",
        ),
        ("bad name!.txt", b"Putin met Obama.\n", None, "file name"),
    ],
)
def test_bad_ingest_leaves_the_corpus_as_it_was(
    corpus_copy: tuple[Path, Config],
    tmp_path: Path,
    name: str,
    data: bytes,
    hints: ArticleHints | None,
    message: str,
) -> None:
    root, config = corpus_copy
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_bytes(data)
    before = tree_digest(root)
    with pytest.raises(IngestError, match=message):
        CorpusStore(root).ingest(source, config, hints)
    assert tree_digest(root) == before


def test_same_text_under_another_name_is_a_duplicate(
    corpus_copy: tuple[Path, Config], tmp_path: Path
) -> None:
    root, config = corpus_copy
    copy = tmp_path / "renamed.txt"
    copy.write_bytes((root / "raw" / "003_d85496804ebe8909.txt").read_bytes())
    before = tree_digest(root)
    with pytest.raises(IngestError, match="already in the corpus as '003_d85496804ebe8909'"):
        CorpusStore(root).ingest(copy, config)
    assert tree_digest(root) == before


def test_failed_write_rolls_back(corpus_copy: tuple[Path, Config], tmp_path: Path) -> None:
    root, config = corpus_copy
    source = tmp_path / "story.txt"
    source.write_bytes((FIXTURES / "wordpress_repost.txt").read_bytes())
    before = tree_digest(root)

    def disk_full(step: str) -> None:
        if step.startswith("stage clean/"):  # the raw file is staged, the cleaned one fails
            raise OSError(28, "No space left on device")

    set_crash_hook(disk_full)
    try:
        with pytest.raises(IngestError, match="nothing was changed"):
            CorpusStore(root).ingest(source, config)
    finally:
        set_crash_hook(None)
    assert tree_digest(root) == before


def test_folder_ingest_skips_bad_files_and_reports_progress(
    corpus_copy: tuple[Path, Config], tmp_path: Path
) -> None:
    root, config = corpus_copy
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_bytes((FIXTURES / "wordpress_repost.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sources.yaml").write_text("articles:\n  good:\n    outlet: Example Blog\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    report = CorpusStore(root).ingest_folder(folder, config, progress=lambda d, t, _: seen.append((d, t)))
    assert [a.id for a in report.added] == ["good"] and report.added[0].outlet == "Example Blog"
    assert [name for name, _ in report.skipped] == ["empty.txt"]
    assert seen == [(1, 2), (2, 2)]


def test_broken_manifest_names_the_file_and_key(corpus_copy: tuple[Path, Config]) -> None:
    root, _ = corpus_copy
    (root / "sources.yaml").write_text("articles:\n  x:\n    colour: red\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"sources.yaml: articles.x.colour: unknown key"):
        CorpusStore(root).manifest()
