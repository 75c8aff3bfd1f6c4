"""The drop-out model: gradient-boosted trees on course-relative features, trained at one or more days of the run."""

import io
import json
import pickle
from pathlib import Path

import numpy as np
import sklearn
from django.utils import timezone

from tropa.analytics.bundle import Bundle

from .estimator import TreesAndLinear
from .features import build_features, frequent_kinds
from .reasons import Score, reason_weights, reasons_for

MAGIC = b"TROPA-RISK-MODEL\n"
FORMAT_VERSION = 2


class ModelIncompatible(Exception):
    """The file is not a risk model, or one written by an incompatible version of the format or of scikit-learn."""


def _sklearn_series(version: str) -> str:
    return ".".join(version.split(".")[:2])


def make_estimator(random_state: int = 0) -> TreesAndLinear:
    return TreesAndLinear(random_state=random_state)


def training_matrix(bundles: list[Bundle], at_days: list[int], kinds: list[str]):
    """X, y and the course groups of every labelled enrollment still in its course at each day, stacked."""
    xs, ys, gs, names = [], [], [], None
    for b, bundle in enumerate(bundles):
        for day in at_days:
            f = build_features(bundle, day, kinds)
            rows = f.eligible & (f.labels >= 0)
            names = f.names
            xs.append(np.column_stack([f.X[rows], np.full(rows.sum(), day, float)]))
            ys.append(f.labels[rows])
            gs.append(np.char.add(f"{b}:", f.groups[rows]))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(gs), [*names, "at_day"]


class RiskModel:
    """A trained model: the estimator, the feature vocabulary (activity kinds) and what it was trained on."""

    def __init__(self, *, estimator, kinds, feature_names, used, at_days, info):
        self.estimator = estimator
        self.kinds: list[str] = list(kinds)
        self.feature_names: list[str] = list(feature_names)
        self.used = np.asarray(used, dtype=bool)  # columns with data in training (all-NaN ones are left out)
        self.at_days: list[int] = list(at_days)
        self.info: dict = dict(info)

    def __repr__(self) -> str:
        return f"<RiskModel days={self.at_days} kinds={len(self.kinds)} trained_on={self.info.get('rows')}>"

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.estimator.predict_proba(X[:, self.used])[:, 1]

    def score(self, bundle: Bundle, at_day: int, *, with_reasons: bool = True) -> list[Score]:
        """Risk in [0, 1] for every enrollment of `bundle` at day `at_day`, in the bundle's order.

        Only rows dated before start_on + at_day are used; outcomes are ignored. Reasons come from the same
        transparent rules as rule_score (cohort comparisons), ordered by weight.
        """
        f = build_features(bundle, at_day, self.kinds)
        X = np.column_stack([f.X, np.full(len(bundle), at_day, float)]) if len(bundle) else np.zeros((0, 0))
        risk = self.predict(X) if len(bundle) else np.zeros(0)
        ids = bundle.enrollments["enrollment_id"]
        if with_reasons:
            reasons = reasons_for(f, reason_weights(f), range(len(bundle)))
        else:
            reasons = [[] for _ in range(len(bundle))]
        return [Score(str(ids[i]), float(risk[i]), reasons[i]) for i in range(len(bundle))]

    # Persistence: a magic line, a JSON header line, then the pickled estimator. Pickle executes code on load:
    # load only model files the platform wrote itself (they are never accepted from users).
    def to_bytes(self) -> bytes:
        header = {
            "format": FORMAT_VERSION,
            "sklearn": sklearn.__version__,
            "numpy": np.__version__,
            "kinds": self.kinds,
            "feature_names": self.feature_names,
            "used": self.used.astype(int).tolist(),
            "at_days": self.at_days,
            "info": self.info,
        }
        return MAGIC + json.dumps(header).encode() + b"\n" + pickle.dumps(self.estimator, protocol=5)

    @classmethod
    def from_bytes(cls, data: bytes) -> "RiskModel":
        if not data.startswith(MAGIC):
            raise ModelIncompatible("not a Tropa risk model file")
        stream = io.BytesIO(data[len(MAGIC) :])
        try:
            header = json.loads(stream.readline())
        except ValueError:
            raise ModelIncompatible("the model file's header is damaged") from None
        if header.get("format") != FORMAT_VERSION:
            raise ModelIncompatible(
                f"model format {header.get('format')} is not supported (this version reads {FORMAT_VERSION}); "
                "train the model again"
            )
        if _sklearn_series(header.get("sklearn", "")) != _sklearn_series(sklearn.__version__):
            raise ModelIncompatible(
                f"the model was trained with scikit-learn {header.get('sklearn')}, this is {sklearn.__version__}; "
                "train the model again"
            )
        try:
            estimator = pickle.loads(stream.read())  # noqa: S301 - our own files only, see to_bytes
        except Exception as exc:  # a truncated or corrupted payload
            raise ModelIncompatible(f"the model file is damaged ({exc.__class__.__name__})") from None
        return cls(
            estimator=estimator,
            kinds=header["kinds"],
            feature_names=header["feature_names"],
            used=header["used"],
            at_days=header["at_days"],
            info=header["info"],
        )

    def save(self, path) -> None:
        Path(path).write_bytes(self.to_bytes())

    @classmethod
    def load(cls, path) -> "RiskModel":
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ModelIncompatible(f"cannot read the model file: {exc.strerror or exc}") from None
        return cls.from_bytes(data)


def train(bundles, at_days=(14,), *, random_state: int = 0) -> RiskModel:
    """Train on the labelled enrollments of `bundles` (a Bundle or a list), at each day of `at_days`.

    Rows: every enrollment with a known outcome still in its course at the day (no outcome_on before the cut).
    Raises ValueError when there is nothing to learn from (no rows, or one class only).
    """
    bundles = [bundles] if isinstance(bundles, Bundle) else list(bundles)
    at_days = sorted({int(d) for d in at_days})
    if not bundles or not at_days or min(at_days) < 1:
        raise ValueError("train needs at least one bundle and days >= 1")
    kinds = frequent_kinds(bundles)
    X, y, groups, names = training_matrix(bundles, at_days, kinds)
    if len(y) == 0 or len(np.unique(y)) < 2:
        raise ValueError("training needs enrollments with both outcomes (dropped and not dropped)")
    used = ~np.isnan(X).all(axis=0)
    estimator = make_estimator(random_state).fit(X[:, used], y)
    info = {
        "rows": int(len(y)),
        "positives": int(y.sum()),
        "courses": int(len(np.unique(groups))),
        "trained_at": timezone.now().isoformat(timespec="seconds"),
    }
    return RiskModel(estimator=estimator, kinds=kinds, feature_names=names, used=used, at_days=at_days, info=info)
