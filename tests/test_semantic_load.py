"""bot/semantic's load path: the weights memory-mapped, the sha256 check remembered by file stamp (and
done again whenever the file changed), and the forward pass over the stored (out, in) weights equal to
one over owned copies."""

from __future__ import annotations

import hashlib
import json
import os
import struct
from pathlib import Path

import numpy as np
import pytest

from bot.config import Config
from bot.errors import ConfigError
from bot.semantic import Encoder, model_dir, read_safetensors
from bot.semantic import weights as weights_module
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


@pytest.mark.parametrize("shape", [(1, 9), (3, 40)])
def test_dense_equals_a_product_with_the_transposed_copy(shape: tuple[int, int]) -> None:
    from bot.semantic.encoder import _dense

    rng = np.random.default_rng(7)
    for out, inner in ((1536, 384), (384, 1536), (1152, 384)):
        weight = rng.standard_normal((out, inner)).astype(np.float32)
        x = rng.standard_normal((*shape, inner)).astype(np.float32)
        assert np.array_equal(_dense(x, weight), x @ np.ascontiguousarray(weight.T))
