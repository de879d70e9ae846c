"""Sentence embeddings (all-MiniLM-L6-v2) in plain numpy, a search-level capability: the corpus's
sentences are embedded when the index is built, the question when it is asked."""

from __future__ import annotations

from bot.semantic.encoder import Encoder, model_dir
from bot.semantic.questions import primed_questions, primed_vector
from bot.semantic.vectors import encoder_for, load_or_embed, semantic_enabled
from bot.semantic.weights import file_sha256, read_safetensors
from bot.semantic.wordpiece import WordPiece

__all__ = [
    "Encoder",
    "WordPiece",
    "encoder_for",
    "file_sha256",
    "load_or_embed",
    "model_dir",
    "primed_questions",
    "primed_vector",
    "read_safetensors",
    "semantic_enabled",
]
