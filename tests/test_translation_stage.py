"""The translate stage inside the audit: batched, cached, offline, and explained drift."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.records import ArticleResult, Category, Kind, Segment, SegmentResult, Status
from auditor.run.pipeline import audit_corpus
from auditor.stages.backtranslation.round_trip import explain_by_round_trip, mt_explained
from auditor.translation.argos import ArgosTranslator
from auditor.translation.packages import InstalledModel, install_from_file
from tests.conftest import ROOT
from tests.fixtures.tiny_argos import build_package
from tests.test_language import CYPRUS_FOOTER
from tests.test_translate import raw_ctranslate2

pytest_plugins = ("tests.fixtures.models_fixtures",)
runner = CliRunner()


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)


def test_turkish_fragments_are_translated_in_one_batch_and_cached(
    tiny_tr_en: InstalledModel, corpus_copy: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    models = tiny_tr_en.path.parent

    first = audit_corpus(corpus_copy, reports, models_dir=models)

    fragments = _read(reports / "fragments.csv")
    assert list(fragments.text) == CYPRUS_FOOTER
    assert set(fragments.status) == {"translated"}
    assert set(fragments.translation_model) == {tiny_tr_en.model_id}
    assert all(fragments.text_en)
    assert list(fragments.text_en) == raw_ctranslate2(tiny_tr_en, CYPRUS_FOOTER)
    assert first.translation_batches == 1  # one language, one batch for the whole run
    segments = _read(reports / "segments.csv")
    in_segments = segments[segments.language == "tr"]
    assert list(in_segments.text_en) == list(fragments.text_en)

    again = audit_corpus(corpus_copy, reports, models_dir=models, full=True)
    assert again.audited == 4
    assert again.translation_batches == 0  # every fragment came from the cache
    assert _read(reports / "fragments.csv").equals(fragments)


def test_without_a_model_the_audit_runs_and_says_what_to_install(
    corpus_copy: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app,
        [
            "audit",
            str(corpus_copy),
            "--reports",
            str(tmp_path / "r"),
            "--models-dir",
            str(tmp_path / "no-models"),
        ],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "auditor models install translate-tr_en.argosmodel" in result.output
    assert "auditor models install tr en --download" in result.output
    fragments = _read(tmp_path / "r" / "fragments.csv")
    assert set(fragments.status) == {"no_model"} and set(fragments.text_en) == {""}
    summary = _read(tmp_path / "r" / "summary.csv").set_index("article_id")
    cyprus = "cyprus-outlet-2022-11-29-aspen-gmf-forum-speech.txt"
    assert summary.loc[cyprus, "fragments_untranslated"] == "6"
    readme = (tmp_path / "r" / "README.md").read_text(encoding="utf-8")
    assert "auditor models install tr en --download" in readme
    assert "translate-en_tr and translate-tr_en" in readme


@pytest.fixture(scope="module")
def round_trip_models(
    tiny_tr_en_file: Path, tmp_path_factory: pytest.TempPathFactory, argos_home: Path
) -> Path:
    """tr→en and en→tr tiny packages in a folder of their own."""
    folder = tmp_path_factory.mktemp("pivot-models")
    install_from_file(tiny_tr_en_file, folder)
    install_from_file(build_package(folder / "en_tr.argosmodel", "en", "tr"), folder)
    return folder


def test_official_wording_is_round_tripped_through_the_suspected_pivot(
    round_trip_models: Path, corpus_copy: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports, models_dir=round_trip_models)
    summary = _read(reports / "summary.csv").set_index("article_id")
    turkish = "turkish-outlet-2022-11-30-bucharest-press-conference.txt"
    assert summary.loc[turkish, "suspected_pivot"] == "tr"
    evidence = summary.loc[turkish, "backtranslation_evidence"]
    assert "round trip through tr keeps chrF++" in evidence
    # the official wording's round trip: a second signal, named beside the probability and
    # counted over the aligned sentences, not calibrated (no real model can be had here)
    closer = re.search(
        r"closer to the official wording's round trip through tr than to the wording itself in "
        r"(\d+) of (\d+) aligned sentences \(second signal, not calibrated\)",
        evidence,
    )
    assert closer is not None and int(closer.group(2)) > 0

    segments = _read(reports / "segments.csv")
    rows = segments[(segments.article_id == turkish) & (segments.official_roundtrip != "")]
    assert len(rows) > 10
    from auditor.translation.packages import find_model

    there = find_model(round_trip_models, "en", "tr")
    back = find_model(round_trip_models, "tr", "en")
    assert there is not None and back is not None
    translator = ArgosTranslator()
    officials = list(rows.official_text)
    expected = translator.translate_batch(back, translator.translate_batch(there, officials))
    assert list(rows.official_roundtrip) == expected
    for row in rows.itertuples():
        assert row.mt_explained == ("yes" if float(row.roundtrip_chrf) > float(row.chrf) else "no")
    drift_explained = int(summary.loc[turkish, "drift_mt_explained"])
    assert drift_explained == int(((rows.category == "drift") & (rows.mt_explained == "yes")).sum())


@pytest.mark.parametrize(
    ("roundtrip_chrf", "official_chrf", "explained"),
    [(80.0, 60.0, True), (40.0, 60.0, False), (60.0, 60.0, False), (50.0, None, False)],
)
def test_mt_explained_follows_the_chrf_comparison(
    roundtrip_chrf: float, official_chrf: float | None, explained: bool
) -> None:
    assert mt_explained(roundtrip_chrf, official_chrf) is explained


def test_a_segment_closer_to_the_round_trip_is_explained_by_machine_translation() -> None:
    """Constructed: the round trip of "We do not see China as an adversary." reads "We do not
    see China as an enemy." — the article's wording — so the drift is the translation's."""
    official = "We do not see China as an adversary."
    closer = SegmentResult(
        Segment(0, Kind.QUOTE, "We do not see China as an enemy.", 0, 32),
        compared_text="We do not see China as an enemy.",
        official_text=official,
        chrf=70.4,
        category=Category.PARAPHRASE,
    )
    farther = SegmentResult(
        Segment(1, Kind.QUOTE, "We do not regard China as a rival.", 40, 74),
        compared_text="We do not regard China as a rival.",
        official_text="We will continue to engage with China.",
        chrf=30.0,
        category=Category.DRIFT,
    )
    result = ArticleResult("a.txt", Status.OK, "", segments=(closer, farther))
    trips = {
        official: "We do not see China as an enemy.",
        "We will continue to engage with China.": "We shall keep talking to Beijing.",
    }
    explained = explain_by_round_trip(result, trips)
    first, second = explained.segments
    assert first.official_roundtrip == "We do not see China as an enemy."
    assert first.roundtrip_chrf == pytest.approx(100.0) and first.mt_explained is True
    assert second.mt_explained is False


OFFLINE_AUDIT = textwrap.dedent(
    """
    import socket, sys
    def refuse(*args, **kwargs):
        raise OSError("network is unreachable in this test")
    socket.socket.connect = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from auditor.cli import app
    sys.argv = ["auditor", "audit", sys.argv[1], "--reports", sys.argv[2], "--models-dir",
                sys.argv[3], "--json"]
    app()
    """
)


def test_the_whole_audit_runs_with_the_network_unreachable(
    round_trip_models: Path, corpus_copy: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            OFFLINE_AUDIT,
            str(corpus_copy),
            str(tmp_path / "r"),
            str(round_trip_models),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["audited"] == 4
    fragments = _read(tmp_path / "r" / "fragments.csv")
    assert set(fragments.status) == {"translated"}
