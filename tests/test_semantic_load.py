"""bot/semantic's load path: the weights memory-mapped, the sha256 check remembered by file stamp (and
done again whenever the file changed), and the forward pass over the stored (out, in) weights equal to
one over owned copies; the faster pass keeps the reference vectors; the prepared bfloat16 matrices kept
beside the index; every compiled path of the products (bot/semantic/_halfgemm.c) agrees with numpy's."""

from __future__ import annotations

import hashlib
import json
import math
import os
import struct
from pathlib import Path

import numpy as np
import pytest

from bot.config import Config
from bot.errors import ConfigError
from bot.semantic import Encoder, model_dir, read_safetensors
from bot.semantic import dense as dense_module
from bot.semantic import prepared as prepared_module
from bot.semantic import weights as weights_module
from bot.semantic.dense import Dense
from bot.semantic.prepared import PreparedWeights, panels_of, prepared_weights, to_bfloat16, widened
from bot.semantic.weights import VERIFIED_FILE


def _write(path: Path, values: list[float]) -> str:
    header = json.dumps({"w": {"dtype": "F32", "shape": [len(values)], "data_offsets": [0, 4 * len(values)]}})
    data = struct.pack("<Q", len(header)) + header.encode() + np.array(values, "<f4").tobytes()
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files hashed in full, in order."""
    seen: list[Path] = []
    real = weights_module.file_sha256

    def counting(path: Path) -> str:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(weights_module, "file_sha256", counting)
    return seen


def test_a_verified_unchanged_file_is_not_hashed_again(tmp_path: Path, hashes: list[Path]) -> None:
    model = tmp_path / "model.safetensors"
    digest = _write(model, [1.5, -2.0])
    cache = tmp_path / "index"
    assert read_safetensors(model, digest, verified_dir=cache)["w"].tolist() == [1.5, -2.0]
    assert (cache / VERIFIED_FILE).is_file() and len(hashes) == 1
    again = read_safetensors(model, digest, verified_dir=cache)
    assert again["w"].tolist() == [1.5, -2.0] and len(hashes) == 1
    assert not again["w"].flags.writeable  # a read-only view of the mapped file, not a copy
    read_safetensors(model, digest)  # no folder: always hashed
    assert len(hashes) == 2


def test_a_file_changed_under_the_same_size_and_mtime_is_verified_again(
    tmp_path: Path, hashes: list[Path]
) -> None:
    model = tmp_path / "model.safetensors"
    digest = _write(model, [1.5, -2.0])
    cache = tmp_path / "index"
    read_safetensors(model, digest, verified_dir=cache)
    before = model.stat()
    with model.open("r+b") as handle:  # flip the data in place: same inode, same size
        handle.seek(-4, os.SEEK_END)
        handle.write(np.array([7.0], "<f4").tobytes())
    os.utime(model, ns=(before.st_atime_ns, before.st_mtime_ns))  # and put the modification time back
    with pytest.raises(ConfigError) as caught:
        read_safetensors(model, digest, verified_dir=cache)
    assert "sha256" in str(caught.value) and len(hashes) == 2


def test_a_remembered_check_holds_only_for_its_digest_and_its_file(
    tmp_path: Path, hashes: list[Path]
) -> None:
    model = tmp_path / "model.safetensors"
    digest = _write(model, [1.0])
    cache = tmp_path / "index"
    read_safetensors(model, digest, verified_dir=cache)
    with pytest.raises(ConfigError):
        read_safetensors(model, "0" * 64, verified_dir=cache)  # another expected digest: hashed, refused
    other = tmp_path / "other.safetensors"
    other.write_bytes(model.read_bytes())
    read_safetensors(other, digest, verified_dir=cache)  # the same bytes elsewhere: hashed
    assert hashes == [model, model, other]
    (cache / VERIFIED_FILE).write_text("not json", encoding="utf-8")
    read_safetensors(other, digest, verified_dir=cache)  # an unreadable record: hashed, then rewritten
    read_safetensors(other, digest, verified_dir=cache)
    assert hashes == [model, model, other, other]


def test_an_unwritable_folder_only_costs_the_next_check(tmp_path: Path, hashes: list[Path]) -> None:
    model = tmp_path / "model.safetensors"
    digest = _write(model, [3.0])
    blocker = tmp_path / "index"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    assert read_safetensors(model, digest, verified_dir=blocker)["w"].tolist() == [3.0]
    assert read_safetensors(model, digest, verified_dir=blocker)["w"].tolist() == [3.0]
    assert len(hashes) == 2


def test_the_forward_pass_over_mapped_weights_equals_one_over_owned_copies(config: Config) -> None:
    """The encoder multiplies by transposed views of the read-only mapped weights; owned copies in memory
    give the very same vectors."""
    settings = config.semantic
    mapped = Encoder.load(settings.sha256, settings.max_tokens)
    tensors = read_safetensors(model_dir() / "model.safetensors", settings.sha256)
    copies = {name: np.array(array) for name, array in tensors.items()}  # writable, owned, aligned
    reference = Encoder(copies, json.loads((model_dir() / "config.json").read_text()), mapped.wordpiece)
    texts = ["What did the two presidents say about the war?", "Talks lasted 90 minutes.", "x"]
    assert np.array_equal(mapped.embed(texts), reference.embed(texts))
    assert np.array_equal(mapped.embed(texts[:1]), reference.embed(texts[:1]))


# Vectors of the straightforward forward pass this encoder replaced (padded batches, the stored (out, in)
# float32 weights, no folding; c3e7787's bot/semantic/encoder.py, which reproduced sentence-transformers),
# saved once: the reference the faster pass must keep, to the cosine 0.9999 that bfloat16 products allow
# (0.99998 or more on every gold question, `python -m bench.embed`).
REFERENCE_TEXTS = [
    "How long did the two presidents talk in New York?",
    "the talks were constructive, said the spokesman",
    "x",
    "Sanctions over Crimea stayed in place after the G20 summit in Hangzhou, officials told reporters.",
    "lol and what about the press?",
]
REFERENCE = Path(__file__).parent / "fixtures" / "minilm_reference.npy"


def test_the_fast_pass_keeps_the_reference_vectors(config: Config) -> None:
    settings = config.semantic
    encoder = Encoder.load(settings.sha256, settings.max_tokens)
    reference = np.load(REFERENCE, allow_pickle=False)
    for vectors in (encoder.embed(REFERENCE_TEXTS), encoder.embed_questions(REFERENCE_TEXTS)):
        assert np.sum(vectors * reference, axis=1).min() >= 0.9999
        assert np.abs(vectors - reference).max() < 3e-3
    alone = np.vstack([encoder.embed_questions([text]) for text in REFERENCE_TEXTS])
    assert np.sum(alone * reference, axis=1).min() >= 0.9999


@pytest.mark.parametrize("level", range(4))
def test_every_path_of_the_products_keeps_the_reference_vectors(
    config: Config, level: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    if level > dense_module.kernel_level():
        pytest.skip(f"this CPU or build has no path {level}")
    monkeypatch.setattr(dense_module, "LEVEL", level)
    settings = config.semantic
    encoder = Encoder.load(settings.sha256, settings.max_tokens)
    vectors = encoder.embed_questions(REFERENCE_TEXTS)
    assert np.sum(vectors * np.load(REFERENCE, allow_pickle=False), axis=1).min() >= 0.9999


def test_gelu_is_the_exact_erf_gelu() -> None:
    x = np.linspace(-9.0, 9.0, 7 * 28_573)  # an odd count: 0.0 in the middle
    exact = x * 0.5 * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0)))
    h = x.astype(np.float32).reshape(-1, 7)  # rows of an odd width: chunks end mid-array
    dense_module.gelu_(h)
    assert np.abs(h.ravel() - exact).max() < 1e-6
    assert h.ravel()[len(x) // 2] == 0.0 and np.all(h.ravel()[:1000] <= 0.0)  # the sign of every half kept
    for level in range(1, dense_module.kernel_level() + 1):  # the kernel's own, vector and scalar
        h = x.astype(np.float32)
        dense_module._halfgemm.gelu(h, level)
        assert np.abs(h - exact).max() < 1e-6, level
        assert h[len(x) // 2] == 0.0 and np.all(h[:1000] <= 0.0)


def _tiny_model(seed: int = 3) -> dict[str, np.ndarray]:
    """A two-layer BERT's weights (hidden 8, two heads, feed-forward 16) under the model's tensor names."""
    rng = np.random.default_rng(seed)
    shapes = {"embeddings.word_embeddings.weight": (30, 8), "embeddings.position_embeddings.weight": (20, 8)}
    shapes |= {"embeddings.token_type_embeddings.weight": (2, 8)}
    shapes |= {"embeddings.LayerNorm.weight": (8,), "embeddings.LayerNorm.bias": (8,)}
    for i in range(2):
        p = f"encoder.layer.{i}."
        for name, out, inner in (
            ("attention.self.query", 8, 8),
            ("attention.self.key", 8, 8),
            ("attention.self.value", 8, 8),
            ("attention.output.dense", 8, 8),
            ("intermediate.dense", 16, 8),
            ("output.dense", 8, 16),
        ):
            shapes |= {p + name + ".weight": (out, inner), p + name + ".bias": (out,)}
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            shapes |= {p + norm + ".weight": (8,), p + norm + ".bias": (8,)}
    return {name: rng.standard_normal(shape).astype(np.float32) for name, shape in shapes.items()}


def _bf16(values: np.ndarray) -> np.ndarray:
    """The float32 values of `values` rounded to bfloat16."""
    return (to_bfloat16(values).astype(np.uint32) << 16).view(np.float32)


def test_bfloat16_rounds_to_nearest_with_ties_to_even() -> None:
    one = 1.0
    step = 2.0**-7  # bfloat16's spacing just above 1
    values = np.array([one, one + step / 2, one + 3 * step / 2, one + step * 0.51, -2.5e-3], dtype=np.float32)
    rounded = _bf16(values)
    assert rounded.tolist()[:4] == [one, one, one + 2 * step, one + step]  # ties to the even neighbour
    assert abs(rounded[4] - values[4]) <= abs(values[4]) * 2.0**-9


def test_prepared_weights_are_the_transposed_matrices_rounded_with_the_query_scaled() -> None:
    tensors = _tiny_model()
    prepared = PreparedWeights.from_tensors(tensors, 2, 4)
    p = "encoder.layer.1."
    assert np.array_equal(widened(prepared.up[1]), _bf16(tensors[p + "intermediate.dense.weight"].T))
    assert np.array_equal(widened(prepared.down[1]), _bf16(tensors[p + "output.dense.weight"].T))
    qkv = widened(prepared.qkv[1])
    assert np.array_equal(qkv[:, 8:16], _bf16(tensors[p + "attention.self.key.weight"].T))
    assert np.array_equal(qkv[:, :8], _bf16(tensors[p + "attention.self.query.weight"].T / 2.0))
    # the tiny model's matrices are narrower than a panel: one panel each, in pairs of inputs
    assert [m.shape for m in (prepared.qkv[1], prepared.out[1], prepared.up[1], prepared.down[1])] == [
        (1, 4, 24, 2),
        (1, 4, 8, 2),
        (1, 4, 16, 2),
        (1, 8, 8, 2),
    ]


def test_panels_hold_the_matrix_in_pairs_of_inputs() -> None:
    rng = np.random.default_rng(4)
    matrix = rng.standard_normal((7, 64)).astype(np.float32)  # an odd input count: a zero last pair half
    panels = panels_of(matrix)
    assert panels.shape == (2, 4, 32, 2) and panels.dtype == np.uint16
    assert np.array_equal(widened(panels)[:7], _bf16(matrix)) and not widened(panels)[7].any()
    assert panels[1, 2, 5, 1] == to_bfloat16(matrix[5:6, 32 + 5])[0]  # panel 1, inputs 4 and 5, column 37


def test_the_kernels_residual_add_and_layer_norm_are_numpys() -> None:
    if dense_module.kernel_level() == 0:
        pytest.skip("the kernel is not built")
    rng = np.random.default_rng(8)
    x, residual = (rng.standard_normal((13, 384)).astype(np.float32) * 3 for _ in range(2))
    norm = (rng.standard_normal(384).astype(np.float32), rng.standard_normal(384).astype(np.float32))
    expected = x + residual
    dense_module.layer_norm_(expected, *norm, 1e-12)
    for with_residual in (True, False):
        got = x.copy() if with_residual else x + residual
        dense_module._halfgemm.add_norm(got, residual if with_residual else None, *norm, 13, 384, 1e-12)
        assert np.abs(got - expected).max() < 2e-5


def test_the_kernels_rows_normalised_together_are_the_scalar_paths_to_the_bit() -> None:
    """The AVX-512 add and norm (eight rows at a time, each row's four running sums in one vector) gives
    the scalar path's every bit: row counts around the group of eight, widths of one and several
    vectors, with and without the residual, values of very different sizes."""
    if dense_module.kernel_level() < 2:
        pytest.skip("no AVX-512F path on this CPU or build")
    rng = np.random.default_rng(9)
    for rows, width in ((1, 384), (7, 384), (8, 16), (13, 384), (17, 48), (245, 384)):
        scale = np.exp(rng.uniform(-8, 8, (rows, 1))).astype(np.float32)
        x, residual = (rng.standard_normal((rows, width)).astype(np.float32) * scale for _ in range(2))
        norm = (rng.standard_normal(width).astype(np.float32), rng.standard_normal(width).astype(np.float32))
        for given in (residual, None):
            scalar, vector = x.copy(), x.copy()
            dense_module._halfgemm.add_norm(scalar, given, *norm, rows, width, 1e-12, 0)
            dense_module._halfgemm.add_norm(vector, given, *norm, rows, width, 1e-12, 2)
            assert scalar.tobytes() == vector.tobytes()
            assert not np.array_equal(scalar, x)  # normalised, not left as it was


@pytest.mark.parametrize("level", [1, 2, 3])
def test_the_kernel_rounds_the_rows_as_to_bfloat16_does(level: int) -> None:
    """Multiplied by the identity, a row comes back as its bfloat16 rounding: every bit as `to_bfloat16`
    gives it, ties either way and a tail past the last sixteen values (3 x 34 inputs)."""
    if level > dense_module.kernel_level():
        pytest.skip(f"this CPU or build has no path {level}")
    rng = np.random.default_rng(10)
    x = (rng.standard_normal((3, 34)) * np.exp(rng.uniform(-20, 20, (3, 34)))).astype(np.float32)
    bits = x.view(np.uint32)
    bits[0, :8] = (bits[0, :8] & 0xFFFF0000) | 0x8000  # exact ties: to even, up or down
    bits[1, -4:] = (bits[1, -4:] & 0xFFFF0000) | 0x7FFF  # just under a tie
    identity = np.zeros((34, 64), dtype=np.float32)
    identity[np.arange(34), np.arange(34)] = 1.0
    out = np.empty((3, 64), dtype=np.float32)
    zero = np.zeros(64, np.float32)
    dense_module._halfgemm.gemm(x, panels_of(identity), zero, out, 3, 34, 64, level, False)
    assert np.array_equal(out[:, :34].view(np.uint32) >> 16, to_bfloat16(x)) and not out[:, 34:].any()


@pytest.mark.parametrize("level", [1, 2, 3])
def test_each_compiled_path_gives_numpys_product(level: int) -> None:
    """The kernel's paths round the rows to bfloat16 and multiply them by the same weights as numpy's path
    given the rounded rows; only the order of the float32 additions differs. Row counts cover one tile,
    uneven tiles and several."""
    if level > dense_module.kernel_level():
        pytest.skip(f"this CPU or build has no path {level}")
    rng = np.random.default_rng(level)
    for inner, width in ((64, 96), (384, 64)):
        matrix = (rng.standard_normal((inner, width)) * 0.1).astype(np.float32)
        bias = rng.standard_normal(width).astype(np.float32)
        for gelu in (False, True):
            layer = Dense(panels_of(matrix), bias, gelu=gelu)
            for rows in (1, 7, 13, 25):
                x = rng.standard_normal((rows, inner)).astype(np.float32)
                expected = layer(_bf16(x), np.empty((rows, width), dtype=np.float32), level=0)
                got = layer(x, np.empty((rows, width), dtype=np.float32), level=level)
                assert np.allclose(got, expected, rtol=1e-5, atol=1e-5), (inner, gelu, rows)
                exact = _bf16(x).astype(np.float64) @ _bf16(matrix).astype(np.float64) + bias
                if not gelu:
                    assert np.abs(got - exact).max() < 1e-4


def test_the_kernel_refuses_bad_shapes_and_paths_in_one_error() -> None:
    kernel = dense_module._halfgemm
    if kernel is None:
        pytest.skip("the kernel is not built")
    w = np.zeros(64 * 32, dtype=np.uint16)
    x, bias, out = np.zeros((2, 64), np.float32), np.zeros(32, np.float32), np.zeros((2, 32), np.float32)
    with pytest.raises(ValueError, match="multiple of 32"):
        kernel.gemm(x, w, bias, out, 2, 64, 31, 1, False)
    with pytest.raises(ValueError, match="expected"):
        kernel.gemm(x, w[:-1], bias, out, 2, 64, 32, 1, False)
    with pytest.raises(ValueError, match="not available"):
        kernel.gemm(x, w, bias, out, 2, 64, 32, 4, False)


def test_prepared_weights_are_kept_in_the_folder_and_made_again_when_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tensors = _tiny_model()
    made: list[int] = []
    real = prepared_module._flat

    def counting(*args: object) -> np.ndarray:
        made.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(prepared_module, "_flat", counting)
    first = prepared_weights(tensors, 2, 4, "ab" * 32, tmp_path)
    again = prepared_weights(tensors, 2, 4, "ab" * 32, tmp_path)
    assert len(made) == 1 and (tmp_path / prepared_module.FILE).is_file()
    assert first.up[0].flags.writeable and not again.up[0].flags.writeable  # made, then mapped read-only
    pairs = zip(first.qkv + first.down, again.qkv + again.down, strict=True)
    assert all(np.array_equal(a, b) for a, b in pairs)
    prepared_weights(tensors, 2, 4, "cd" * 32, tmp_path)  # another model's digest: made again
    assert len(made) == 2
    path = tmp_path / prepared_module.FILE
    path.write_bytes(path.read_bytes())  # rewritten (a new change time): not trusted, made again
    assert np.array_equal(prepared_weights(tensors, 2, 4, "cd" * 32, tmp_path).out[1], first.out[1])
    assert len(made) == 3
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    assert np.array_equal(prepared_weights(tensors, 2, 4, "cd" * 32, blocker).up[0], first.up[0])


def test_an_encoder_over_kept_weights_gives_the_same_vectors(config: Config, tmp_path: Path) -> None:
    settings = config.semantic
    fresh = Encoder.load(settings.sha256, settings.max_tokens)
    Encoder.load(settings.sha256, settings.max_tokens, verified_dir=tmp_path)  # prepares and keeps them
    kept = Encoder.load(settings.sha256, settings.max_tokens, verified_dir=tmp_path)
    assert (tmp_path / prepared_module.RECORD).is_file()
    assert np.array_equal(kept.embed(REFERENCE_TEXTS), fresh.embed(REFERENCE_TEXTS))
