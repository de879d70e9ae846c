"""The compiled attention (bot/semantic/_halfgemm.c, `dense.attend_`) against numpy's, text by text."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from bot.config import Config
from bot.semantic import Encoder, dense, encoder_for
from bot.semantic.encoder import numpy_attention

HIDDEN, HEADS = 384, 12


def _qkv(lengths: list[int], seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    rows = sum(lengths)
    qkv = rng.standard_normal((rows, 3 * HIDDEN)).astype(np.float32)
    qkv[:, :HIDDEN] *= np.float32(32**-0.5)  # the query scaled, as the prepared weights scale it
    return qkv, np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)


@pytest.fixture(scope="module")
def encoder(config: Config) -> Encoder:
    return encoder_for(config.semantic)


@pytest.fixture
def kernel() -> None:
    if dense.LEVEL < 2 or not dense._BUILT_WITH_ATTENTION:
        pytest.skip("this CPU or build has no AVX-512 attention")


@pytest.mark.usefixtures("kernel")
@pytest.mark.parametrize("lengths", [[1], [15], [16], [17], [3, 40, 16, 1, 33], [128]])
def test_the_kernels_attention_is_numpys(lengths: list[int]) -> None:
    qkv, bounds = _qkv(lengths)
    ours = np.full((len(qkv), HIDDEN), np.nan, dtype=np.float32)
    theirs = np.empty_like(ours)
    assert dense.attend_(qkv, bounds, ours, HEADS)
    numpy_attention(qkv, bounds, theirs, HEADS)
    assert np.abs(ours - theirs).max() < 1e-5


@pytest.mark.usefixtures("kernel")
def test_a_texts_attention_is_the_same_beside_others() -> None:
    lengths = [5, 18, 9]
    qkv, bounds = _qkv(lengths)
    together = np.empty((len(qkv), HIDDEN), dtype=np.float32)
    dense.attend_(qkv, bounds, together, HEADS)
    for a, b in itertools.pairwise(bounds):
        alone = np.empty((b - a, HIDDEN), dtype=np.float32)
        dense.attend_(np.ascontiguousarray(qkv[a:b]), np.array([0, b - a], dtype=np.int64), alone, HEADS)
        assert np.array_equal(alone, together[a:b])


@pytest.mark.usefixtures("kernel")
@pytest.mark.parametrize("bounds", [[0, 5, 5, 10], [0, 11], [-1, 10], [0, 4, 2, 10]])
def test_bounds_that_do_not_rise_within_the_rows_are_refused(bounds: list[int]) -> None:
    qkv, _ = _qkv([10])
    context = np.empty((10, HIDDEN), dtype=np.float32)
    with pytest.raises(ValueError, match="bounds"):
        dense.attend_(qkv, np.array(bounds, dtype=np.int64), context, HEADS)


def test_without_the_avx512_paths_numpy_attends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dense, "LEVEL", 1)
    qkv, bounds = _qkv([7])
    context = np.zeros((7, HIDDEN), dtype=np.float32)
    assert not dense.attend_(qkv, bounds, context, HEADS)
    assert not context.any()  # untouched: the encoder runs numpy's instead


@pytest.mark.usefixtures("kernel")
@pytest.mark.parametrize(
    "texts", [["Who met Putin?"], ["Where did they meet?", "Syria " * 20, "ok", "a b " * 40]]
)
def test_every_layer_in_one_call_gives_the_layer_by_layer_bits(
    encoder: Encoder, texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if not dense._BUILT_WITH_FORWARD:
        pytest.skip("a kernel built without `forward`")
    assert encoder.stacked  # MiniLM's products are all in panels: the one call is taken
    ids = [encoder.wordpiece.encode(t) for t in texts]
    at_once = encoder._forward(ids)
    monkeypatch.setattr(dense, "_BUILT_WITH_FORWARD", False)  # the encoder's own loop, call by call
    assert np.array_equal(at_once, encoder._forward(ids))


@pytest.mark.usefixtures("kernel")
def test_one_call_refuses_weights_of_the_wrong_size(encoder: Encoder) -> None:
    if not dense._BUILT_WITH_FORWARD:
        pytest.skip("a kernel built without `forward`")
    x = np.zeros((4, HIDDEN), dtype=np.float32)
    short = [tuple(part[:-1] if i == 1 else part for i, part in enumerate(encoder.stacked[0]))]
    with pytest.raises(ValueError, match="layer part"):
        dense.layers_(x, np.array([0, 4], dtype=np.int64), short, HEADS, encoder.eps)
