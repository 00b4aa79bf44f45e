"""Pandas answers: a DataFrame or Series compared by value, with pointed messages."""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.types import is_numeric_dtype

from .base import Exercise
from .feedback import Feedback, listing, plural, shown, type_name

_VALUES = "values"  # the column label a Series gets while it is compared as a table


def _plain(value: object) -> object:
    """NumPy scalars as Python values, so messages read ``12`` and not ``np.int64(12)``."""
    return value.item() if isinstance(value, np.generic) else value


def _na(value: object) -> bool:
    try:
        result = pd.isna(value)
    except Exception:
        return False
    return isinstance(result, (bool, np.bool_)) and bool(result)


def _same(expected: object, given: object) -> bool:
    if _na(expected) or _na(given):
        return _na(expected) and _na(given)
    try:
        result = expected == given
    except Exception:
        return False
    return isinstance(result, (bool, np.bool_)) and bool(result)


def _is_default(index: pd.Index) -> bool:
    return isinstance(index, pd.RangeIndex) or index.equals(pd.RangeIndex(len(index)))


class PandasAnswer(Exercise):
    """A DataFrame or Series, compared by value.

    A wrong answer is told what is off (columns, number of rows, row labels,
    a value too high or too low, and where) without showing an expected value.

    Column order never matters. With ``check_index_order=False`` rows may come
    in any order: they are matched by index label, or by content when both
    sides have a default 0..n-1 index. Numbers are compared with
    ``numpy.isclose(given, expected, rtol, atol)``; NaN equals NaN.
    ``check_dtype=True`` also requires the same dtypes.
    """

    kind = "table answer"

    def __init__(self, question: str, *, answer, lines, explanation: str, check_dtype: bool = False,
                 check_index_order: bool = False, rtol: float = 1e-9, atol: float = 0.0, hints=(),
                 code: str = ""):
        super().__init__(question, lines=lines, explanation=explanation, hints=hints, code=code)
        if not isinstance(answer, pd.DataFrame | pd.Series):
            raise TypeError("the answer of a PandasAnswer is a DataFrame or a Series")
        if isinstance(answer, pd.DataFrame) and answer.columns.has_duplicates:
            raise ValueError("the expected DataFrame has duplicate column names")
        self.answer = answer.copy()
        self.check_dtype = check_dtype
        self.check_index_order = check_index_order
        self.rtol = rtol
        self.atol = atol
        self.wanted = "DataFrame" if isinstance(answer, pd.DataFrame) else "Series"
        self.rows = "rows" if self.wanted == "DataFrame" else "values"

    def _check(self, answer: object) -> Feedback:
        problem = self._type_problem(answer)
        if problem:
            return self.wrong(problem)
        expected = self._as_frame(self.answer)
        given = self._as_frame(answer)
        for step in (self._columns, self._size, self._index, self._dtypes):
            given = step(expected, given)
            if isinstance(given, str):
                return self.wrong(given)
        differences = self._differences(expected, given)
        if differences and not self.check_index_order and _is_default(expected.index):
            by_content = self._differences(*(self._sorted(frame) for frame in (expected, given)))
            if by_content == "":
                return self.right()
        if differences:
            return self.wrong(differences)
        return self.right()

    def _type_problem(self, answer: object) -> str:
        if not isinstance(answer, pd.DataFrame | pd.Series):
            return f"expected a pandas {self.wanted}, got {type_name(answer)}: {shown(answer)}."
        if self.wanted == "DataFrame" and isinstance(answer, pd.Series):
            return ("expected a DataFrame (a table), got a Series; "
                    "make it a table, e.g. with .reset_index() or .to_frame().")
        if self.wanted == "Series" and isinstance(answer, pd.DataFrame):
            columns = len(answer.columns)
            pick = f"; pick its column, e.g. frame[{shown(_plain(answer.columns[0]))}]" if columns == 1 else ""
            return f"expected a Series (one column of values), got a DataFrame with {plural(columns, 'column')}{pick}."
        return ""

    @staticmethod
    def _as_frame(answer: pd.DataFrame | pd.Series) -> pd.DataFrame:
        return answer.to_frame(name=_VALUES) if isinstance(answer, pd.Series) else answer

    def _columns(self, expected: pd.DataFrame, given: pd.DataFrame):
        if given.columns.has_duplicates:
            twice = given.columns[given.columns.duplicated()].unique()
            return f"more than one column is called {listing(map(_plain, twice))}."
        missing = [_plain(column) for column in expected.columns if column not in given.columns]
        extra = [_plain(column) for column in given.columns if column not in expected.columns]
        parts = []
        if extra:
            parts.append(f"these columns are not asked for: {listing(extra)}")
        if missing:
            parts.append(f"{plural(len(missing), 'column')} the question asks for "
                         f"{'is' if len(missing) == 1 else 'are'} missing (check the names)")
        return "; ".join(parts) + "." if parts else given[list(expected.columns)]

    def _size(self, expected: pd.DataFrame, given: pd.DataFrame):
        if len(given) > len(expected):
            return (f"your answer has too many {self.rows} ({len(given)}): check your filter, or look for "
                    "rows counted twice.")
        if len(given) < len(expected):
            return f"your answer has too few {self.rows} ({len(given)}): check whether your filter is too strict."
        return given

    def _index(self, expected: pd.DataFrame, given: pd.DataFrame):
        if expected.index.equals(given.index):
            return given
        missing = expected.index.difference(given.index, sort=False)
        extra = given.index.difference(expected.index, sort=False)
        if expected.index.is_unique and given.index.is_unique and not len(missing) and not len(extra):
            if not self.check_index_order:
                return given.loc[expected.index]
            return f"the {self.rows} are right but in another order: check how you sorted them."
        if not self._differences(expected, given.set_axis(expected.index)):
            return "the values are right but the row labels (index) are not: check set_index / reset_index."
        parts = []
        if len(extra):
            parts.append(f"these row labels should not be there: {listing(map(_plain, extra), 5)}")
        if len(missing):
            parts.append(f"{plural(len(missing), 'row label')} {'is' if len(missing) == 1 else 'are'} missing")
        return "; ".join(parts) + "."

    def _dtypes(self, expected: pd.DataFrame, given: pd.DataFrame):
        if self.check_dtype:
            for column in expected.columns:
                if expected[column].dtype != given[column].dtype:
                    where = "your Series" if self.wanted == "Series" else f"column {shown(_plain(column))}"
                    return f"{where} has dtype {given[column].dtype}, expected {expected[column].dtype}."
        return given

    def _equal_cells(self, expected: pd.Series, given: pd.Series) -> np.ndarray:
        if is_numeric_dtype(expected) and is_numeric_dtype(given):
            wanted = expected.to_numpy(dtype="float64", na_value=np.nan)
            got = given.to_numpy(dtype="float64", na_value=np.nan)
            return np.isclose(got, wanted, rtol=self.rtol, atol=self.atol, equal_nan=True)
        pairs = zip(expected.to_numpy(dtype=object), given.to_numpy(dtype=object))
        return np.array([_same(want, got) for want, got in pairs], dtype=bool)

    def _differences(self, expected: pd.DataFrame, given: pd.DataFrame) -> str:
        """"" when every cell matches, else how many differ and where the first is."""
        columns = list(expected.columns)
        if not len(expected) or not columns:
            return ""
        same = np.column_stack([self._equal_cells(expected[c], given[c]) for c in columns])
        if same.all():
            return ""
        row, col = np.argwhere(~same)[0]
        column = columns[col]
        want, got = _plain(expected[column].iloc[row]), _plain(given[column].iloc[row])
        count = int((~same).sum())
        label = shown(_plain(expected.index[row]))
        where = f"at {label}" if self.wanted == "Series" else f"in row {label}, column {shown(_plain(column))}"
        if is_numeric_dtype(expected[column]) != is_numeric_dtype(given[column]):
            how = f"is of another type (your dtype is {given[column].dtype}; numbers and text never match)"
        elif _na(got) or _na(want):
            how = "is missing where a value belongs" if _na(got) else "should be missing (NaN)"
        elif is_numeric_dtype(expected[column]):
            how = "is too high" if got > want else "is too low"
        else:
            how = "is not the right one"
        return f"{count} of {same.size} values differ; the first is {where}: your value {shown(got)} {how}."

    @staticmethod
    def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
        try:
            ordered = frame.sort_values(list(frame.columns), kind="mergesort", na_position="last")
        except Exception:
            return frame
        return ordered.reset_index(drop=True)

    def describe(self) -> list[str]:
        return [f"Give a pandas {self.wanted} (in code; there is no widget for this one)."]

    def answer_text(self) -> str:
        return self.answer.to_string(max_rows=20)
