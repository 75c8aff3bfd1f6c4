"""The estimator: shallow gradient-boosted trees averaged with a regularised logistic regression.

Measured on courses held out (docs/risk-model.md), the average ranks as well as the better of the two on each
dataset: trees win on sparse early activity, the linear model on assessment-only data.
"""

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

# OpenMP threads for fitting and predicting. One is fast enough (docs/risk-model.md) and, on a busy machine,
# far faster than threads that spin waiting for each other (a 240-row fit took 27 s with the default).
THREADS = 1


class TreesAndLinear:
    """predict_proba = mean of HistGradientBoosting (NaN-aware) and LogisticRegression (NaN -> training median)."""

    def __init__(self, random_state: int = 0):
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: np.ndarray) -> "TreesAndLinear":
        with threadpool_limits(limits=THREADS):
            return self._fit(X, y)

    def _fit(self, X: np.ndarray, y: np.ndarray) -> "TreesAndLinear":
        self.trees_ = HistGradientBoostingClassifier(
            max_iter=150,
            learning_rate=0.05,
            max_depth=3,
            min_samples_leaf=100,
            l2_regularization=1.0,
            early_stopping=False,
            random_state=self.random_state,
        ).fit(X, y)
        self.fill_ = np.nan_to_num(np.nanmedian(np.where(np.isnan(X).all(axis=0), 0.0, X), axis=0))
        self.linear_ = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=2000))
        self.linear_.fit(self._filled(X), y)
        self.classes_ = self.trees_.classes_
        return self

    def _filled(self, X: np.ndarray) -> np.ndarray:
        return np.where(np.isnan(X), self.fill_, X)

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        with threadpool_limits(limits=THREADS):
            return self._predict_proba(X)

    def _predict_proba(self, X: np.ndarray) -> np.ndarray:
        return (self.trees_.predict_proba(X) + self.linear_.predict_proba(self._filled(X))) / 2
