"""bot/semantic: the WordPiece tokenizer against Hugging Face's, the numpy forward pass (shape, unit length,
determinism, paraphrases closer than unrelated sentences), the sha256 check, persisted vectors, and the
decision's semantic features present or absent."""

from __future__ import annotations

import dataclasses
import json
import struct
from pathlib import Path

import numpy as np
import pytest
from tokenizers import Tokenizer as HFTokenizer

from bot.answering.candidates import find_candidates
from bot.answering.feature_names import FEATURES, SEMANTIC_FEATURES
from bot.config import Config
from bot.errors import ConfigError
from bot.search import CorpusIndex
from bot.semantic import Encoder, WordPiece, encoder_for, load_or_embed, model_dir, read_safetensors
from bot.service import CoverageService

SEMANTIC_COLUMNS = [FEATURES.index(name) for name in SEMANTIC_FEATURES]


@pytest.fixture(scope="module")
def encoder(config: Config) -> Encoder:
    return encoder_for(config.semantic)


def test_wordpiece_matches_the_models_own_tokenizer(service: CoverageService) -> None:
    reference = HFTokenizer.from_file(str(model_dir() / "tokenizer.json"))
    reference.no_padding()
    reference.enable_truncation(256)
    ours = WordPiece.from_file(model_dir() / "vocab.txt", 256)
    texts = [s.text for a in service.articles for s in a.sentences]
    texts += ["Café naïve — “quoted” U.S.-Russia 中文 tab\there", "x" * 150, "word " * 400, ""]
    for text in texts:
        assert ours.encode(text) == reference.encode(text).ids, text


def test_ascii_text_gives_the_general_paths_words() -> None:
    from bot.semantic.wordpiece import _basic_words, basic_words

    rng = np.random.default_rng(6)
    alphabet = [chr(c) for c in range(128)]
    weights = np.array([8.0 if chr(c).isalnum() or c == 32 else 1.0 for c in range(128)])
    for _ in range(2000):
        text = "".join(rng.choice(alphabet, size=int(rng.integers(0, 40)), p=weights / weights.sum()))
        assert basic_words(text) == _basic_words(text), repr(text)
    text = 'Did Putin say\tit\'s "$5bn"?\x0bok'
    assert (
        basic_words(text)
        == _basic_words(text)
        == ["did", "putin", "say", "it", "'", "s", '"', "$", "5bn", '"', "?", "ok"]
    )


def test_embeddings_are_unit_vectors_and_deterministic(encoder: Encoder) -> None:
    texts = ["Putin and Obama met for 90 minutes.", "How long did the two presidents talk?", "Rain in Spain."]
    first = encoder.embed(texts)
    assert first.shape == (3, 384) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, encoder.embed(texts))
    alone = np.vstack([encoder.embed([t]) for t in texts])  # padding in a batch changes nothing
    assert np.allclose(first, alone, atol=1e-5)


def test_paraphrases_are_closer_than_unrelated_sentences(encoder: Encoder) -> None:
    a, b, c, d = encoder.embed(
        [
            "A man is eating food.",
            "A man is eating a piece of bread.",
            "The meeting lasted about an hour.",
            "Their talks went on for roughly sixty minutes.",
        ]
    )
    assert a @ b > 0.6 and c @ d > 0.5
    assert max(a @ c, a @ d, b @ c, b @ d) < 0.2


def test_a_model_file_with_another_digest_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "model.safetensors"
    header = json.dumps({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}).encode()
    path.write_bytes(struct.pack("<Q", len(header)) + header + np.array([1.5, -2.0], "<f4").tobytes())
    with pytest.raises(ConfigError) as caught:
        read_safetensors(path, "0" * 64)
    assert "sha256" in str(caught.value) and "\n" not in str(caught.value)
    import hashlib

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert read_safetensors(path, digest)["w"].tolist() == [1.5, -2.0]


def test_vectors_are_saved_as_npy_and_read_back(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "vectors.npy"
    texts = ["One sentence.", "Another sentence."]
    made = load_or_embed(path, "stamp-1", lambda: texts, config.semantic)
    saved = np.load(path, allow_pickle=False)
    assert saved.dtype == np.float16 and made.dtype == np.float32  # half the disk, BLAS in memory
    assert np.array_equal(saved.astype(np.float32), made)
    again = load_or_embed(path, "stamp-1", lambda: pytest.fail("embedded again"), config.semantic)
    assert np.array_equal(again, made)


def test_vectors_saved_from_another_form_of_the_weights_are_embedded_again(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question is compared with sentences embedded by the same weights: vectors saved by an earlier
    form of the prepared weights (bot/semantic/prepared.py FORMAT) are not read."""
    from bot.semantic import vectors as vectors_module

    path = tmp_path / "vectors.npy"
    load_or_embed(path, "stamp-1", lambda: ["One sentence."], config.semantic)
    monkeypatch.setattr(vectors_module, "_WEIGHTS_FORM", "w-older")
    asked: list[int] = []
    load_or_embed(path, "stamp-1", lambda: asked.append(1) or ["One sentence."], config.semantic)
    assert asked == [1]


def test_semantic_features_are_present_on_a_small_corpus(service: CoverageService) -> None:
    found = find_candidates(service.index, "How long did the two presidents talk in New York?")
    assert found.rows is not None and np.isfinite(found.rows[:, SEMANTIC_COLUMNS]).all()
    assert found.rows[:, FEATURES.index("cosine")].max() > 0.3


def test_above_max_sentences_nothing_is_embedded_and_the_decision_still_answers(
    service: CoverageService, config: Config
) -> None:
    small = dataclasses.replace(config, semantic=dataclasses.replace(config.semantic, max_sentences=10))
    index = CorpusIndex(service.articles, small)
    assert index.vectors is None and index.question_vector("anything") is None
    found = find_candidates(index, "How long did the two presidents talk in New York?")
    assert found.rows is not None and np.isnan(found.rows[:, SEMANTIC_COLUMNS]).all()
    result = CoverageService(small, service.articles).ask("How long did Putin and Obama meet in New York?")
    assert not result.declined and result.answers[0].probability is not None


def test_a_wrong_model_digest_in_config_is_one_line_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main
    from tests.conftest import ROOT

    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    wrong = text.replace("sha256: 53aa5117", "sha256: 00aa5117")
    assert wrong != text
    (tmp_path / "config.yaml").write_text(wrong, encoding="utf-8")
    argv = ["--config", str(tmp_path / "config.yaml"), "--corpus", str(ROOT / "corpus"), "ask", "How long?"]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "sha256" in err and "Traceback" not in err


def test_dense_candidates_bring_sentences_bm25_cannot_find(config: Config) -> None:
    from tests.test_quotes import make_article

    index = CorpusIndex(
        [
            make_article(
                "d0",
                [
                    "The two leaders talked for roughly sixty minutes behind closed doors.",
                    "Oil prices rose on Tuesday.",
                    "The summit's final statement mentioned climate finance.",
                ],
            )
        ],
        config,
    )
    question = "How long was the meeting between the presidents?"
    vector = index.question_vector(question)
    assert vector is not None and index.nearest(vector, 1) == [0]
    assert index.nearest(vector, 3, docs=["elsewhere"]) == []
    assert not index.search(question, 40)  # no word in common
    found = find_candidates(index, question)
    assert [h.position for h in found.hits][:1] == [0] and found.hits[0].score == 0.0
