"""The int8 question pass (bot/semantic/_int8_kernels.h, prepared.py's `int8_weights`): the layout of its
weights, the file they are kept in, and its vectors against the reference."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.config import Config
from bot.semantic import Encoder
from bot.semantic import dense as dense_module
from bot.semantic.prepared import INT8, PANEL, int8_matrix, int8_weights
from bot.semantic.vectors import encoder_for

REFERENCE = Path(__file__).parent / "fixtures" / "minilm_reference.npy"
TEXTS = [  # tests/test_semantic_load.py's REFERENCE_TEXTS, whose vectors the fixture holds
    "How long did the two presidents talk in New York?",
    "the talks were constructive, said the spokesman",
    "x",
    "Sanctions over Crimea stayed in place after the G20 summit in Hangzhou, officials told reporters.",
    "lol and what about the press?",
]


def _unpacked(buffer: np.ndarray, inner: int, out: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The quantised (in, out) matrix, its scales and its column sums back from `int8_matrix`'s bytes."""
    q = buffer[: inner * out].view(np.int8).reshape(out // PANEL, inner // 4, PANEL, 4)
    scales = buffer[inner * out : inner * out + 4 * out].view(np.float32)
    sums = buffer[inner * out + 4 * out :].view(np.int32)
    return q.transpose(1, 3, 0, 2).reshape(inner, out), scales, sums


def test_a_matrix_is_quantised_per_output_column_in_the_kernels_layout() -> None:
    rng = np.random.default_rng(3)
    matrix = rng.standard_normal((8, 2 * PANEL)).astype(np.float32)
    matrix[:, 5] *= 100  # one loud column must not coarsen the others
    matrix[:, 7] = 0  # nor an all-zero column divide by zero
    buffer = int8_matrix(matrix)
    assert buffer.dtype == np.uint8 and buffer.shape == (8 * 2 * PANEL + 8 * 2 * PANEL,)
    q, scales, sums = _unpacked(buffer, 8, 2 * PANEL)
    assert np.abs(q).max() == 127 and q[:, 7].tolist() == [0] * 8
    assert np.all(np.abs(q * scales - matrix) <= scales / 2 + 1e-6)
    assert scales[5] > 50 * np.delete(scales, [5, 7]).max()
    assert sums.tolist() == q.sum(axis=0).tolist()


def test_the_int8_weights_are_kept_beside_the_index_and_made_again_when_changed(
    config: Config, tmp_path: Path
) -> None:
    tensors = {  # one layer of a toy model: in 4, out PANEL (qkv: 3 * PANEL)
        f"encoder.layer.0.{name}.weight": np.full(shape, 0.5, dtype=np.float32)
        for name, shape in (
            ("attention.self.query", (PANEL, 4)),
            ("attention.self.key", (PANEL, 4)),
            ("attention.self.value", (PANEL, 4)),
            ("attention.output.dense", (PANEL, 4)),
            ("intermediate.dense", (PANEL, 4)),
            ("output.dense", (PANEL, 4)),
        )
    }
    digest = config.semantic.sha256
    made = int8_weights(tensors, 1, 4, digest, tmp_path)
    assert (
        made is not None
        and [len(m) for m in made] == [4 * 3 * PANEL + 8 * 3 * PANEL] + [4 * PANEL + 8 * PANEL] * 3
    )
    kept = int8_weights(tensors, 1, 4, digest, tmp_path)
    assert kept is not None and all(np.array_equal(a, b) for a, b in zip(made, kept, strict=True))
    assert json.loads((tmp_path / INT8[1]).read_text())["format"] == INT8[2]
    tensors["encoder.layer.0.output.dense.weight"][:] = -0.25  # another model under another digest
    other = int8_weights(tensors, 1, 4, "0" * 64, tmp_path)
    assert other is not None and not np.array_equal(other[3], made[3])
    assert int8_weights({k: v[:, :3] for k, v in tensors.items()}, 1, 4, digest, None) is None  # in 3: no


def test_the_int8_pass_stays_near_the_reference_and_packs_like_alone(config: Config) -> None:
    settings = config.semantic
    encoder = Encoder.load(settings.sha256, settings.max_tokens, int8=True)
    reference = np.load(REFERENCE, allow_pickle=False)
    questions = encoder.embed_questions(TEXTS)
    corpus = encoder.embed(TEXTS)
    assert np.sum(corpus * reference, axis=1).min() >= 0.9999  # the corpus stays bfloat16
    if not dense_module.VNNI:  # no int8 here: the questions take the bfloat16 pass
        assert not encoder.stacked8 and np.array_equal(questions, encoder.embed_questions(TEXTS))
        return
    assert encoder.stacked8
    cosines = np.sum(questions * reference, axis=1)
    assert cosines.min() >= 0.98 and cosines.max() < 0.99999  # near, and really another pass
    alone = np.vstack([encoder.embed_questions([text]) for text in TEXTS])
    assert np.array_equal(alone, questions)


def test_without_vnni_the_int8_switch_changes_nothing(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.semantic.encoder.VNNI", False)
    settings = config.semantic
    encoder = Encoder.load(settings.sha256, settings.max_tokens, int8=True)
    plain = Encoder.load(settings.sha256, settings.max_tokens)
    assert not encoder.stacked8
    assert np.array_equal(encoder.embed_questions(TEXTS), plain.embed_questions(TEXTS))


def test_the_config_key_gives_the_process_an_int8_encoder(config: Config) -> None:
    on = encoder_for(replace(config.semantic, int8_questions=True))
    off = encoder_for(config.semantic)
    assert on is not off and not off.stacked8
    assert bool(on.stacked8) == dense_module.VNNI
