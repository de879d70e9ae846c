"""BM25 tokens numbered by the build's workers (bot/retrieval/token_ids.py) give BM25's own index."""

from __future__ import annotations

import json
from pathlib import Path

from bot.retrieval.bm25 import SparseBM25
from bot.retrieval.token_ids import ChunkIds, TokenIds

SENTENCES = [
    ["putin", "obama", "meet", "putin"],
    [],
    ["syria", "~talk", "@putin", "été"],
    ["obama", "syria"],
    ["новый", "putin", "meet"],
    ["g20", "hangzhou", "g20", "g20"],
    ["été", "obama"],
]


def _numbered(chunks: list[list[list[str]]]) -> TokenIds:
    ids = TokenIds()
    for sentences in chunks:
        chunk = ChunkIds()
        for tokens in sentences:
            chunk.add(tokens)
        ids.add(chunk)
    return ids


def test_chunks_renumbered_give_the_token_lists_back_in_order() -> None:
    for cut in range(len(SENTENCES) + 1):
        ids = _numbered([SENTENCES[:cut], SENTENCES[cut:]])
        assert ids.lists() == SENTENCES
        assert list(ids.words) == list(dict.fromkeys(t for s in SENTENCES for t in s))


def test_bm25_from_numbers_saves_the_same_files_as_from_lists(tmp_path: Path) -> None:
    SparseBM25(SENTENCES).save(tmp_path / "lists")
    SparseBM25(_numbered([SENTENCES[:2], SENTENCES[2:5], SENTENCES[5:]])).save(tmp_path / "ids")
    names = sorted(p.name for p in (tmp_path / "lists").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "ids").iterdir())
    assert any(name.endswith(".npy") for name in names)
    for name in names:
        lists, ids = ((tmp_path / side / name).read_bytes() for side in ("lists", "ids"))
        if name == "meta.json":  # its stamps are the files' times
            lists, ids = (json.dumps({**json.loads(m), "stamps": None}).encode() for m in (lists, ids))
        assert lists == ids, name
