"""Translation (edge): many texts through one installed Argos package in one CTranslate2 call.

argostranslate translates one text at a time and makes one ``translate_batch`` call per
paragraph. `ArgosTranslator` reuses argostranslate's own ``Package`` (metadata, tokenizer) and
decoding parameters, splits sentences with the splitter the package bundles, as argostranslate
does, but sends the sentences of all texts through a single ``ctranslate2.Translator.
translate_batch`` call, then reassembles each text exactly as argostranslate does; the output is
the same text.

argostranslate reads its ``ARGOS_*`` and ``XDG_*`` environment variables once, when
``argostranslate.settings`` is first imported: call `configure_argos_environment` before anything
imports it. Nothing here imports argostranslate or ctranslate2 until a text must be translated,
and ``argostranslate.translate`` and ``argostranslate.sbd`` are never imported (in the
``argostranslate`` distribution both import Stanza, and so PyTorch, at the top).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.translation.packages import InstalledModel, ModelError

__all__ = ["ArgosTranslator", "configure_argos_environment", "decoding_options"]

#: CTranslate2 threads per translation. argostranslate's default (0: one per core) was ~40×
#: slower than 1 on the 2-core machine this was measured on (100 sentences: 2.8 s vs 0.07 s).
DEFAULT_THREADS = 1


def configure_argos_environment(
    models_dir: Path, threads: int = DEFAULT_THREADS, *, state_dir: Path | None = None
) -> bool:
    """Set the environment argostranslate reads at import; return whether it will take effect.

    models_dir: the packages folder (``ARGOS_PACKAGES_DIR``).
    threads: CTranslate2 intra-op threads (``ARGOS_INTRA_THREADS``; inter-op threads are 1).
    state_dir: when given, argostranslate's data, config and cache folders (``XDG_DATA_HOME``,
        ``XDG_CONFIG_HOME``, ``XDG_CACHE_HOME``) go inside it instead of the home folder, which
        also keeps a user's ``~/.config/argos-translate/settings.json`` out of the audit. Resolve
        the models folder before calling with state_dir: it changes ``default_models_dir()``.

    The splitter choice is pinned to argostranslate's default (``ARGOS_CHUNK_TYPE``), because
    the spaCy mode downloads a model when argostranslate is imported. Returns False when
    ``argostranslate.settings`` was already imported: its settings are then fixed for this
    process (`ArgosTranslator` still passes its own thread count to CTranslate2).
    """
    os.environ["ARGOS_PACKAGES_DIR"] = str(models_dir)
    os.environ["ARGOS_INTRA_THREADS"] = str(threads)
    os.environ["ARGOS_INTER_THREADS"] = "1"
    os.environ["ARGOS_CHUNK_TYPE"] = "ARGOSTRANSLATE"
    os.environ["ARGOS_MODEL_PROVIDER"] = "OPENNMT"
    os.environ.setdefault("ARGOS_DEVICE_TYPE", "cpu")
    if state_dir is not None:
        for variable, folder in (
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
        ):
            os.environ[variable] = str(Path(state_dir) / folder)
    return "argostranslate.settings" not in sys.modules


def decoding_options(num_hypotheses: int = 1) -> dict[str, Any]:
    """argostranslate's keyword arguments for ``ctranslate2.Translator.translate_batch``.

    num_hypotheses: translations kept per sentence (argostranslate's ``translate`` keeps 1).
    Beam and batch sizes come from argostranslate's settings (defaults 4 and 32 tokens).
    """
    from argostranslate import settings

    return {
        "replace_unknowns": True,
        "max_batch_size": settings.batch_size,
        "batch_type": "tokens",
        "beam_size": max(num_hypotheses, settings.beam_size),
        "num_hypotheses": num_hypotheses,
        "length_penalty": 0.2,
        "return_scores": True,
    }


@dataclass
class _LoadedModel:
    """argostranslate's objects for one package, loaded once."""

    package: Any  # argostranslate.package.Package: metadata and tokenizer
    sentencizer: _Splitter  # the sentence splitter the package bundles
    translator: Any  # ctranslate2.Translator over the package's model/


class ArgosTranslator:
    """Batched offline translation through installed Argos packages.

    threads: CTranslate2 intra-op threads per model (see `DEFAULT_THREADS`).
    Models are loaded at their first use and kept; `batches` counts the CTranslate2
    ``translate_batch`` calls made (at most one per `translate_batch` call of this object).
    """

    def __init__(self, threads: int = DEFAULT_THREADS) -> None:
        self.threads = threads
        self.batches = 0
        self.sentences = 0
        self._loaded: dict[tuple[str, int, int], _LoadedModel] = {}

    def translate_batch(self, model: InstalledModel, texts: Sequence[str]) -> list[str]:
        """Translate texts with model in one CTranslate2 call; return one translation per text.

        model: an installed package (`auditor.translation.packages.find_model`); texts: the
        texts, each split into paragraphs (lines) and sentences as argostranslate does. A blank
        text gives ""; a list of blank texts loads nothing. Errors of argostranslate or
        CTranslate2 propagate.
        """
        # per text: the paragraphs, each as a slice of the flat list of tokenized sentences
        layout: dict[int, list[slice]] = {}
        tokens: list[list[str]] = []
        loaded: _LoadedModel | None = None
        for index, text in enumerate(texts):
            if not text.strip():
                continue
            loaded = loaded or self._load(model)
            spans = []
            for paragraph in text.split("\n"):
                sentences = loaded.sentencizer.split_sentences(paragraph)
                start = len(tokens)
                tokens.extend(loaded.package.tokenizer.encode(s) for s in sentences)
                spans.append(slice(start, len(tokens)))
            layout[index] = spans
        results = ["" for _ in texts]
        if loaded is None or not tokens:
            return results

        prefix = loaded.package.target_prefix
        translated = loaded.translator.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            **decoding_options(),
        )
        self.batches += 1
        self.sentences += len(tokens)
        for index, spans in layout.items():
            paragraphs = [self._detokenize(loaded, translated[span]) for span in spans]
            # argostranslate joins paragraphs onto "" and strips the leading newlines
            results[index] = "\n".join(paragraphs).lstrip("\n")
        return results

    def clear(self) -> None:
        """Forget the loaded models (they are reloaded at their next use)."""
        self._loaded.clear()

    @staticmethod
    def _detokenize(loaded: _LoadedModel, results: Sequence[Any]) -> str:
        """One paragraph's text from its sentences' best hypotheses (apply_packaged_translation)."""
        pieces = [piece for result in results for piece in result.hypotheses[0]]
        value: str = loaded.package.tokenizer.decode(pieces)
        prefix = loaded.package.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        if value.startswith(" "):
            value = value[1:]  # the space the tokenizer adds at the start
        return value

    def _load(self, model: InstalledModel) -> _LoadedModel:
        """The loaded package of model; a package reinstalled at the same path is reloaded."""
        try:
            stat = model.path.stat()
        except OSError as exc:
            raise ModelError(f"the translation model {model.model_id} is gone: {exc}") from exc
        key = (str(model.path), stat.st_ino, stat.st_mtime_ns)
        if key not in self._loaded:
            self._loaded = {k: v for k, v in self._loaded.items() if k[0] != key[0]}
            self._loaded[key] = self._load_package(model.path)
        return self._loaded[key]

    def _load_package(self, path: Path) -> _LoadedModel:
        """Load a package folder: argostranslate's ``Package`` (metadata, tokenizer), the
        splitter the package bundles (`_bundled_splitter`) and a CTranslate2 translator over its
        ``model/``. path: the installed package folder."""
        import ctranslate2
        from argostranslate import settings
        from argostranslate.package import Package

        package = Package(path)
        if not hasattr(package, "tokenizer"):
            raise ModelError(f"{path}: no sentencepiece.model or bpe.model; reinstall the package")
        sentencizer = _bundled_splitter(package, settings.device)
        translator = ctranslate2.Translator(
            str(path / "model"),
            device=settings.device,
            inter_threads=1,
            intra_threads=self.threads,
            compute_type=settings.compute_type,
        )
        return _LoadedModel(package=package, sentencizer=sentencizer, translator=translator)


class _Splitter:
    """A sentence splitter with argostranslate's interface (``split_sentences``).

    split: the function that turns a paragraph into its sentences.
    """

    def __init__(self, split: Callable[[str], Iterable[str]]) -> None:
        self._split = split

    def split_sentences(self, text: str) -> list[str]:
        """The sentences of text (one paragraph), in order."""
        return list(self._split(text))


#: argostranslate's StanzaSentencizer.LANGUAGE_CODE_MAPPING (argos-translate-lt 1.12)
_STANZA_CODES = {"zt": "zh-hant", "pb": "pt"}


def _bundled_splitter(package: Any, device: str = "cpu") -> _Splitter:
    """The sentence splitter package bundles, built so that nothing is downloaded.

    package: argostranslate's ``Package`` of an installed folder; device: ``cpu`` or ``cuda``
    (argostranslate's ``settings.device``).

    The folder is chosen as argostranslate's ``Package`` chooses it (``minisbd/`` before
    ``stanza/``). ``minisbd/*.onnx`` is read by MiniSBD (ONNX Runtime, a dependency), as
    argostranslate's ``MiniSBDSentencizer`` reads it. A ``stanza/`` folder needs Stanza, the
    optional extra ``auditor[stanza]`` (`make stanza`), imported only here. Raises ModelError
    for a package whose splitter argostranslate would download, and for a Stanza-only package
    when Stanza is not installed.
    """
    folder = Path(package.package_path)
    bundled = getattr(package, "packaged_sbd_path", None)
    kind = Path(bundled).name if bundled is not None else None
    if kind == "minisbd":
        onnx = sorted(f for f in os.listdir(folder / "minisbd") if f.endswith(".onnx"))
        if onnx:
            from minisbd import SBDetect

            detector = SBDetect(str(folder / "minisbd" / onnx[0]), use_gpu=device == "cuda")
            return _Splitter(detector.sentences)
    elif kind == "stanza":
        try:
            import stanza
        except ImportError as exc:
            raise ModelError(
                f"{folder}: the package's only sentence splitter is Stanza's (stanza/), and "
                "Stanza is not installed. Either add it: `make stanza` (Stanza with CPU-only "
                "PyTorch, about 1 GB), or reinstall the package with `auditor models install "
                f"{package.from_code} {package.to_code} --download`, which adds MiniSBD's "
                "splitter (minisbd/<language>.onnx)"
            ) from exc
        pipeline = stanza.Pipeline(
            lang=_STANZA_CODES.get(package.from_code, package.from_code),
            dir=str(folder / "stanza"),
            processors="tokenize",
            use_gpu=device == "cuda",
            logging_level="WARNING",
            download_method=None,  # Stanza's default fetches resources.json from the network
        )
        return _Splitter(lambda text: [s.text for s in pipeline(text).sentences])
    raise ModelError(
        f"{folder}: the package bundles no sentence splitter (minisbd/*.onnx) and "
        "argostranslate would download one; install a package that bundles it, or install the "
        f"package with `auditor models install {package.from_code} {package.to_code} --download`"
    )
