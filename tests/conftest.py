"""Shared fixtures: the corpora and their cleaned forms (computed once per session)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.cleaning import clean_corpus, load_rules
from analysis.corpus import load_corpus
from analysis.paths import EXAMPLES_DIR, PROJECT_ROOT, SEEDS_DIR

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = {
    "seeds": (SEEDS_DIR, FIXTURES / "seeds"),
    "harbor-lumen": (EXAMPLES_DIR / "harbor-lumen", EXAMPLES_DIR / "harbor-lumen"),
    "unseen_shapes": (FIXTURES / "unseen_shapes", FIXTURES / "unseen_shapes"),
}


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def cleaned_corpora() -> dict:
    rules = load_rules()
    out = {}
    for name, (corpus_dir, _) in CORPORA.items():
        corpus = load_corpus(corpus_dir)
        out[name] = (corpus, clean_corpus(corpus, rules))
    return out


def expected_claims(labels_dir: Path) -> pd.DataFrame:
    return pd.read_csv(labels_dir / "expected_claims.csv", dtype={"unit": str, "source_id": str},
                       keep_default_na=False)
