"""onnxruntime against the numpy encoder, for `python -m bench.embed --onnx` (bench extra: onnx and
onnxruntime, never runtime dependencies).

The graph of this BERT is built here from the same checked safetensors weights with onnx's helper API
(nothing downloaded, no torch): per layer the query-key-value product, attention for one unpadded text,
the output product, a layer norm, the feed-forward with the exact erf GELU, a layer norm; mean pooling
at the end. Its input is the embedding layer's output (the gather and its norm stay in numpy, as in the
encoder). It is written to a temporary folder, once as float32 and once with onnxruntime's dynamic int8
quantisation (per tensor, and per channel), and each is timed on one thread, one question a call, with
its cosine to the numpy vectors on every gold question.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bot.semantic import Encoder, model_dir, read_safetensors
from bot.semantic.dense import layer_norm_

__all__ = ["build_graph", "onnx_table"]


class _Graph:
    """Nodes and initialisers being added, each node's output named after it."""

    def __init__(self) -> None:
        self.nodes: list[Any] = []
        self.weights: list[Any] = []

    def weight(self, name: str, array: np.ndarray) -> str:
        from onnx import numpy_helper

        self.weights.append(numpy_helper.from_array(np.array(array, order="C"), name))
        return name

    def node(self, op: str, inputs: list[str], **attributes: Any) -> str:
        from onnx import helper

        name = f"n{len(self.nodes)}"
        self.nodes.append(helper.make_node(op, inputs, [name], name=name, **attributes))
        return name

    def dense(self, x: str, tensors: dict[str, np.ndarray], name: str) -> str:
        product = self.node("MatMul", [x, self.weight(name + ".w", tensors[name + ".weight"].T)])
        return self.node("Add", [product, self.weight(name + ".b", tensors[name + ".bias"])])

    def norm(self, x: str, residual: str, tensors: dict[str, np.ndarray], name: str) -> str:
        weights = [
            self.weight(name + ".w", tensors[name + ".weight"]),
            self.weight(name + ".b", tensors[name + ".bias"]),
        ]
        return self.node(
            "LayerNormalization", [self.node("Add", [x, residual]), *weights], axis=-1, epsilon=1e-12
        )


def _attention(g: _Graph, x: str, tensors: dict[str, np.ndarray], p: str, heads: int) -> str:
    hidden = tensors[p + "attention.self.query.weight"].shape[0]
    size = hidden // heads
    names = [p + f"attention.self.{n}" for n in ("query", "key", "value")]
    stacked = {"qkv.weight": np.vstack([tensors[n + ".weight"] for n in names])}
    stacked["qkv.bias"] = np.concatenate([tensors[n + ".bias"] for n in names])
    qkv = g.dense(x, {p + k: v for k, v in stacked.items()}, p + "qkv")
    split = g.node("Reshape", [qkv, g.weight(p + "split", np.array([0, 3, heads, size], np.int64))])
    split = g.node("Transpose", [split], perm=[1, 2, 0, 3])  # (3, heads, n, size)
    q, k, v = (
        g.node("Gather", [split, g.weight(p + f"i{j}", np.array(j, np.int64))], axis=0) for j in range(3)
    )
    scores = g.node("MatMul", [q, g.node("Transpose", [k], perm=[0, 2, 1])])
    scores = g.node("Mul", [scores, g.weight(p + "scale", np.array(1 / np.sqrt(size), np.float32))])
    context = g.node("MatMul", [g.node("Softmax", [scores], axis=-1), v])
    context = g.node("Transpose", [context], perm=[1, 0, 2])
    return g.node("Reshape", [context, g.weight(p + "merge", np.array([0, hidden], np.int64))])


def _gelu(g: _Graph, h: str, p: str) -> str:
    scaled = g.node("Mul", [h, g.weight(p + "sqrt_half", np.array(np.sqrt(0.5), np.float32))])
    one_plus = g.node("Add", [g.node("Erf", [scaled]), g.weight(p + "one", np.array(1.0, np.float32))])
    return g.node("Mul", [g.node("Mul", [h, one_plus]), g.weight(p + "half", np.array(0.5, np.float32))])


def build_graph(tensors: dict[str, np.ndarray], layers: int, heads: int) -> Any:
    """The encoder's layers and mean pooling as an ONNX model: input x (n, hidden), output pooled (hidden)."""
    from onnx import TensorProto, checker, helper

    g = _Graph()
    x = "x"
    for i in range(layers):
        p = f"encoder.layer.{i}."
        attended = g.dense(_attention(g, x, tensors, p, heads), tensors, p + "attention.output.dense")
        x = g.norm(attended, x, tensors, p + "attention.output.LayerNorm")
        h = _gelu(g, g.dense(x, tensors, p + "intermediate.dense"), p)
        x = g.norm(g.dense(h, tensors, p + "output.dense"), x, tensors, p + "output.LayerNorm")
    pooled = g.node("ReduceMean", [x, g.weight("axis0", np.array([0], np.int64))], keepdims=0)
    hidden = tensors["embeddings.word_embeddings.weight"].shape[1]
    graph = helper.make_graph(
        g.nodes,
        "minilm",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", hidden])],
        [helper.make_tensor_value_info(pooled, TensorProto.FLOAT, [hidden])],
        g.weights,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    model.ir_version = 8
    checker.check_model(model)
    return model


def _session(path: Path) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _embedded(encoder: Encoder, text: str) -> np.ndarray:
    ids = encoder.wordpiece.encode(text)
    x = encoder.words[ids] + encoder.positions[: len(ids)] + encoder.token_type
    layer_norm_(x, *encoder.norm, encoder.eps)
    return np.asarray(x, dtype=np.float32)


def onnx_table(encoder: Encoder, sha256: str, questions: Sequence[str]) -> str:
    """Time per question and cosine to the numpy vectors: numpy, onnxruntime float32 and int8."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tensors = read_safetensors(model_dir() / "model.safetensors", sha256)
    reference = encoder.embed_questions(list(questions))
    lines = [
        "| engine (1 thread, one question a call) | CPU ms per question (median) | cosine to numpy: min / mean |"
    ]
    lines.append("|---|---|---|")
    lines.append(
        f"| numpy (bot/semantic) | {_per_question(lambda q: encoder.embed_questions([q])[0], questions):.2f} | 1 |"
    )
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "minilm.onnx"
        onnx.save(build_graph(tensors, len(encoder.layers), encoder.heads), plain)
        variants = {"onnxruntime float32": plain}
        for name, per_channel in (("int8 per tensor", False), ("int8 per channel", True)):
            variants[f"onnxruntime dynamic {name}"] = Path(folder) / f"{per_channel}.onnx"
            quantize_dynamic(
                plain,
                variants[f"onnxruntime dynamic {name}"],
                weight_type=QuantType.QInt8,
                per_channel=per_channel,
                extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
            )
        for name, path in variants.items():
            session = _session(path)

            def run(text: str, session: Any = session) -> np.ndarray:
                pooled = session.run(None, {"x": _embedded(encoder, text)})[0]
                return np.asarray(pooled / np.linalg.norm(pooled))

            cosines = np.array([float(run(q) @ reference[i]) for i, q in enumerate(questions)])
            lines.append(
                f"| {name} | {_per_question(run, questions):.2f} | {cosines.min():.6f} / {cosines.mean():.6f} |"
            )
    return "\n".join(lines)


def _per_question(embed: Any, questions: Sequence[str]) -> float:
    embed(questions[0])
    times = []
    for q in questions:
        start = time.process_time()
        embed(q)
        times.append((time.process_time() - start) * 1e3)
    return statistics.median(times)
