"""Batched offline translation with the tiny genuine tr→en Argos package.

The tiny model's weights are random, so its English is gibberish; what these tests check is
that the auditor gives exactly what CTranslate2 and argostranslate give, in one call, offline.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from auditor.translation.argos import ArgosTranslator, decoding_options
from auditor.translation.packages import InstalledModel, ModelError, install_from_file
from tests.fixtures.tiny_argos import build_package
from tests.test_language import CYPRUS_FOOTER

pytest_plugins = ("tests.fixtures.models_fixtures",)  # tiny_tr_en, argos_home

ROOT = Path(__file__).resolve().parent.parent
#: argostranslate 1.11's arguments for ctranslate2's translate_batch (translate.py)
ARGOS_DECODING = {
    "replace_unknowns": True,
    "max_batch_size": 32,
    "batch_type": "tokens",
    "beam_size": 4,
    "num_hypotheses": 1,
    "length_penalty": 0.2,
    "return_scores": True,
}


def raw_ctranslate2(model: InstalledModel, sentences: list[str]) -> list[str]:
    """Each sentence through SentencePiece and ctranslate2 directly, detokenized as
    argostranslate's SentencePieceTokenizer does."""
    import ctranslate2
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(
        model_file=str(model.path / "sentencepiece.model")
    )
    tokens = [processor.encode(sentence, out_type=str) for sentence in sentences]
    translator = ctranslate2.Translator(str(model.path / "model"), intra_threads=1)
    results = translator.translate_batch(tokens, **ARGOS_DECODING)
    texts = [
        processor.decode_pieces(r.hypotheses[0]).replace("▁", " ").replace("_", " ")
        for r in results
    ]
    return [text.removeprefix(" ") for text in texts]


def test_argostranslate_decoding_parameters_are_used(argos_home: Path) -> None:
    assert decoding_options() == ARGOS_DECODING


def test_the_cyprus_footer_is_translated_in_one_call_exactly_as_ctranslate2_does(
    tiny_tr_en: InstalledModel,
) -> None:
    translator = ArgosTranslator()

    english = translator.translate_batch(tiny_tr_en, CYPRUS_FOOTER)

    assert translator.batches == 1
    assert translator.sentences == len(CYPRUS_FOOTER) == 6
    assert all(english), english
    assert english == raw_ctranslate2(tiny_tr_en, CYPRUS_FOOTER)
    assert english != CYPRUS_FOOTER


def test_texts_of_several_paragraphs_and_sentences_read_as_argostranslate_translates_them(
    tiny_tr_en: InstalledModel,
) -> None:
    from argostranslate.package import Package
    from argostranslate.translate import Language, PackageTranslation

    texts = [
        "Dışişleri Bakanlığı bugün yazılı bir açıklama yaptı. Öğretmenler yarın okullara dönecek.",
        "\nİzmir'de deprem korkusu yaşandı.\n\nŞirket, üçüncü çeyrekte kâr açıkladı!",
        "Göç konusunda ortak bir açıklama yapıldı?\n",
        *CYPRUS_FOOTER,
    ]
    package = Package(tiny_tr_en.path)
    argos = PackageTranslation(Language("tr", "Turkish"), Language("en", "English"), package)
    translator = ArgosTranslator()

    english = translator.translate_batch(tiny_tr_en, texts)

    assert english == [argos.translate(text) for text in texts]
    assert translator.batches == 1
    assert english[1].count("\n") == 2, "paragraphs are kept, leading newlines stripped"
    assert translator.sentences == 11


def test_blank_texts_are_empty_and_a_batch_of_blank_texts_translates_nothing(
    tiny_tr_en: InstalledModel,
) -> None:
    translator = ArgosTranslator()

    assert translator.translate_batch(tiny_tr_en, []) == []
    assert translator.translate_batch(tiny_tr_en, ["", "  ", "\n\n"]) == ["", "", ""]
    assert translator.batches == 0
    english = translator.translate_batch(tiny_tr_en, ["", "Özel sektör yatırımları arttı.", " "])
    assert english[0] == english[2] == "" and english[1]
    assert translator.batches == 1


def test_a_model_is_loaded_once_and_again_after_it_is_reinstalled(
    argos_home: Path, tiny_tr_en_file: Path, tmp_path: Path
) -> None:
    models_dir = tmp_path / "models"
    model = install_from_file(tiny_tr_en_file, models_dir)
    translator = ArgosTranslator()
    line = ["Ülkemiz barıştan yanadır ve öyle kalacaktır."]

    first = translator.translate_batch(model, line)
    loaded = translator._loaded.copy()
    assert translator.translate_batch(model, line) == first
    assert translator._loaded == loaded, "the second call reuses the loaded model"

    other_weights = build_package(tmp_path / "reseeded.argosmodel", seed=7)
    reinstalled = install_from_file(other_weights, models_dir)
    assert reinstalled.path == model.path

    assert translator.translate_batch(reinstalled, line) == raw_ctranslate2(reinstalled, line)
    assert translator.translate_batch(reinstalled, line) != first
    assert translator.batches == 4


def test_a_package_without_a_bundled_splitter_is_refused_instead_of_downloading_one(
    tiny_tr_en: InstalledModel, tmp_path: Path
) -> None:
    folder = tmp_path / "no-splitter"
    shutil.copytree(tiny_tr_en.path, folder)
    shutil.rmtree(folder / "minisbd")
    model = InstalledModel("tr", "en", "translate-tr_en", "0.0.1", folder, 0)

    with pytest.raises(ModelError, match="bundles no sentence splitter"):
        ArgosTranslator().translate_batch(model, ["Öğretmenler yarın okullara dönecek."])


def _stanza_package(
    tiny_tr_en: InstalledModel, tmp_path: Path, *, keep_minisbd: bool = False
) -> InstalledModel:
    """A copy of the tiny package whose splitter is a stanza/ folder (and, with keep_minisbd,
    also its minisbd/ folder), as the packages of the Argos index bundle it."""
    folder = tmp_path / "stanza-package"
    shutil.copytree(tiny_tr_en.path, folder)
    if not keep_minisbd:
        shutil.rmtree(folder / "minisbd")
    (folder / "stanza").mkdir()
    (folder / "stanza" / "resources.json").write_text("{}", encoding="utf-8")
    return InstalledModel("tr", "en", "translate-tr_en", "0.0.1", folder, 0)


def test_a_stanza_splitter_is_built_so_that_stanza_does_not_fetch_resources(
    tiny_tr_en: InstalledModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _stanza_package(tiny_tr_en, tmp_path)
    pipelines: list[dict[str, object]] = []

    def one_sentence_per_text(**options: object) -> object:
        pipelines.append(options)
        return lambda text: SimpleNamespace(sentences=[SimpleNamespace(text=text)])

    # Stanza is the optional extra auditor[stanza]: a stand-in whether or not it is installed
    monkeypatch.setitem(sys.modules, "stanza", SimpleNamespace(Pipeline=one_sentence_per_text))
    lines = CYPRUS_FOOTER[:3]

    english = ArgosTranslator().translate_batch(model, lines)

    assert english == raw_ctranslate2(model, lines)
    assert len(pipelines) == 1
    assert pipelines[0]["download_method"] is None, "Stanza's default fetches resources.json"
    assert pipelines[0]["dir"] == str(model.path / "stanza")
    assert pipelines[0]["lang"] == "tr"


def test_a_stanza_only_package_without_stanza_installed_says_how_to_get_a_splitter(
    tiny_tr_en: InstalledModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _stanza_package(tiny_tr_en, tmp_path)
    monkeypatch.setitem(sys.modules, "stanza", None)  # `import stanza` raises ImportError

    with pytest.raises(ModelError, match="Stanza is not installed") as refused:
        ArgosTranslator().translate_batch(model, ["Öğretmenler yarın okullara dönecek."])

    assert "make stanza" in str(refused.value)
    assert "auditor models install tr en --download" in str(refused.value)


def test_minisbd_wins_over_stanza_and_stanza_is_not_imported(
    tiny_tr_en: InstalledModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _stanza_package(tiny_tr_en, tmp_path, keep_minisbd=True)
    monkeypatch.setitem(sys.modules, "stanza", None)  # importing it would fail the test

    english = ArgosTranslator().translate_batch(model, CYPRUS_FOOTER)

    assert english == ArgosTranslator().translate_batch(tiny_tr_en, CYPRUS_FOOTER)


def test_a_translation_error_propagates(tiny_tr_en: InstalledModel, tmp_path: Path) -> None:
    folder = tmp_path / "corrupt"
    shutil.copytree(tiny_tr_en.path, folder)
    (folder / "model" / "model.bin").write_bytes(b"not a model")
    model = InstalledModel("tr", "en", "translate-tr_en", "0.0.1", folder, 0)

    with pytest.raises(RuntimeError):
        ArgosTranslator().translate_batch(model, ["Öğretmenler yarın okullara dönecek."])


OFFLINE_SCRIPT = textwrap.dedent(
    """
    import json, socket, sys
    from pathlib import Path

    attempts = []

    def unreachable(*args, **kwargs):
        attempts.append(repr(args))
        raise OSError("network disabled by the test")

    socket.socket.connect = unreachable
    socket.socket.connect_ex = unreachable
    socket.create_connection = unreachable
    socket.getaddrinfo = unreachable

    import auditor.cli.models  # the CLI's import must not pull argostranslate in
    from auditor.translation.packages import find_model
    from auditor.translation.argos import ArgosTranslator, configure_argos_environment

    models_dir, state_dir = Path(sys.argv[1]), Path(sys.argv[2])
    heavy_at_start = sorted(m for m in ("argostranslate", "ctranslate2") if m in sys.modules)
    assert configure_argos_environment(models_dir, state_dir=state_dir)
    translator = ArgosTranslator()
    model = find_model(models_dir, "tr", "en")
    blank = translator.translate_batch(model, ["", " "])
    heavy_after_blank = sorted(m for m in ("argostranslate", "ctranslate2") if m in sys.modules)
    english = translator.translate_batch(model, json.loads(sys.argv[3]))
    never = ("argostranslate.translate", "argostranslate.sbd", "stanza", "torch", "spacy")
    print(json.dumps({
        "english": english,
        "attempts": attempts,
        "heavy_at_start": heavy_at_start,
        "heavy_after_blank": heavy_after_blank,
        "imported_after_translation": sorted(m for m in never if m in sys.modules),
        "batches": translator.batches,
    }))
    """
)


def test_translation_runs_with_the_network_unreachable(
    tiny_tr_en: InstalledModel, tmp_path: Path
) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            OFFLINE_SCRIPT,
            str(tiny_tr_en.path.parent),
            str(tmp_path / "argos-state"),
            json.dumps(CYPRUS_FOOTER),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["attempts"] == []
    assert report["heavy_at_start"] == [] and report["heavy_after_blank"] == []
    assert report["imported_after_translation"] == [], "argostranslate.translate/sbd pull Stanza"
    assert report["batches"] == 1
    assert report["english"] == ArgosTranslator().translate_batch(tiny_tr_en, CYPRUS_FOOTER)
