"""Pandas answers: a DataFrame or Series compared by value, with pointed messages."""

from __future__ import annotations

import numbers
import re
from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd
from pandas.api.types import is_bool_dtype, is_numeric_dtype

from .base import Exercise
from .feedback import Feedback, listing, plural, shown, type_name
from .numeric import near

_VALUES = "values"  # the column label a Series gets while it is compared as a table
_LEVEL = "_level"  # columns made from meaningful row labels (a groupby's keys)
_ORDER_WORDS = re.compile(r"\b(order|sort|rank|chronolog)", re.IGNORECASE)


def _plain(value: object) -> object:
    """NumPy scalars as Python values, so messages read ``12`` and not ``np.int64(12)``."""
    return value.item() if isinstance(value, np.generic) else value


def _na(value: object) -> bool:
    try:
        result = pd.isna(value)
    except Exception:
        return False
    return isinstance(result, bool | np.bool_) and bool(result)


def _same(expected: object, given: object) -> bool:
    if _na(expected) or _na(given):
        return _na(expected) and _na(given)
    try:
        result = expected == given
    except Exception:
        return False
    return isinstance(result, bool | np.bool_) and bool(result)


def _cell(value: object) -> object:
    """A hashable, comparable form of a cell: 3.0 and 3 alike, NaN as None."""
    value = _plain(value)
    if _na(value):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 9)
    try:
        hash(value)
    except TypeError:
        return str(value)
    return value


def _rows(frame: pd.DataFrame) -> Counter:
    """The rows of ``frame`` as a multiset of comparable tuples."""
    return Counter(tuple(map(_cell, row)) for row in frame.itertuples(index=False))


def _label(row: tuple) -> str:
    """A row label for a message: the key itself, or the tuple of a grouping by several keys."""
    return shown(row[0] if len(row) == 1 else row)


def _meaningful(index: pd.Index) -> bool:
    """Row labels that carry information (a groupby's keys), not just the positions of rows."""
    if isinstance(index, pd.MultiIndex) or any(name is not None for name in index.names):
        return True
    return not (isinstance(index, pd.RangeIndex) or pd.api.types.is_integer_dtype(index.dtype))


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Meaningful row labels as ``_level`` columns, positions dropped: a table compared by content."""
    if not _meaningful(frame.index):
        return frame.reset_index(drop=True)
    names = [f"{_LEVEL}{level}" for level in range(frame.index.nlevels)]
    return frame.set_axis(frame.index.set_names(names)).reset_index()


def _values(answer: object) -> bool:
    """Whether ``answer`` is a list, tuple or one-dimensional array of single values (not text, not a table)."""
    if isinstance(answer, np.ndarray):
        return answer.ndim == 1 and len(answer) > 0
    return isinstance(answer, list | tuple) and len(answer) > 0 and all(pd.api.types.is_scalar(v) for v in answer)


def _is_number(column: pd.Series) -> bool:
    return is_numeric_dtype(column) and not isinstance(column.dtype, pd.CategoricalDtype)


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in one canonical order: by the text columns first, then by the numbers (compared with a tolerance)."""
    def sort_key(column: pd.Series) -> pd.Series:
        if _is_number(column):
            return column.astype("float64")
        return column.map(lambda value: "\uffff" if _na(value) else str(value)).astype(object)

    columns = sorted(frame.columns, key=lambda column: _is_number(frame[column]))
    return frame.sort_values(columns, key=sort_key, kind="mergesort", na_position="last").reset_index(drop=True)


def _is_quantity(column: pd.Series) -> bool:
    """A column of numbers, not of True/False (which pandas counts as numbers too)."""
    return _is_number(column) and not is_bool_dtype(column)


def _numbers_as_numbers(expected: pd.DataFrame, given: pd.DataFrame) -> pd.DataFrame:
    """``given`` with each object column that holds only numbers (and missing values) where ``expected`` has a
    number column made numeric, so it is compared and sorted as numbers; text of digits stays text."""
    def numbers_only(column: pd.Series) -> bool:
        return column.dtype == object and all(
            _na(value) or (isinstance(value, numbers.Number) and not isinstance(value, bool | np.bool_))
            for value in column)

    given = given.copy()
    for column in expected.columns:
        if _is_quantity(expected[column]) and numbers_only(given[column]):
            given[column] = pd.to_numeric(given[column])
    return given


class PandasAnswer(Exercise):
    """A DataFrame or Series, compared by value.

    Column order, row order and row positions never matter: meaningful row
    labels (a groupby's keys, a named index) are compared as if they were a
    column, so ``reset_index()`` and ``set_index`` forms are accepted too, and
    a Series may come as a one-column table or a dict (``{label: value}``), or as a list of its values
    where its labels are positions; a DataFrame as a dict of columns or a list of row dicts; an unnamed
    integer index counts
    as row positions (name it, e.g. ``rename_axis("year")``, to have it compared). With ``ordered=True`` row order
    matters (the question must then say so). Numbers are compared with
    ``numpy.isclose(given, expected, rtol, atol)``; NaN equals NaN;
    ``check_dtype=True`` also requires the same dtypes. A wrong answer is told
    what differs (columns, a missing row, an extra zero or NaN row, another
    grouping, a value too high) without an expected value.
    """

    kind = "table answer"

    def __init__(self, question: str, *, answer, ordered: bool = False, check_dtype: bool = False,
                 rtol: float = 1e-9, atol: float = 0.0, **common):
        super().__init__(question, **common)
        if not isinstance(answer, pd.DataFrame | pd.Series):
            raise TypeError("the answer of a PandasAnswer is a DataFrame or a Series")
        if isinstance(answer, pd.DataFrame) and answer.columns.has_duplicates:
            raise ValueError("the expected DataFrame has duplicate column names")
        if not len(answer):
            raise ValueError("an expected table with no rows cannot be told from a filter that keeps nothing")
        if ordered and not _ORDER_WORDS.search(question):
            raise ValueError("an ordered table answer needs a question that says in which order")
        self._answer = answer.copy()
        self._ordered, self._check_dtype, self._rtol, self._atol = ordered, check_dtype, rtol, atol
        self.wanted = "DataFrame" if isinstance(answer, pd.DataFrame) else "Series"
        self._rows = "rows" if self.wanted == "DataFrame" else "values"
        self._expected = _flat(self._as_frame(self._answer))
        self._keys = [column for column in self._expected.columns if str(column).startswith(_LEVEL)]
        self._expected_sorted = _sorted(self._expected)

    @staticmethod
    def _as_frame(answer: pd.DataFrame | pd.Series) -> pd.DataFrame:
        return answer.to_frame(name=_VALUES) if isinstance(answer, pd.Series) else answer

    def _forms(self, answer: pd.DataFrame | pd.Series) -> list[pd.DataFrame]:
        """The given answer flattened the ways a student may have shaped it; the first is the plain one."""
        frame = self._as_frame(answer)
        values = [column for column in self._expected.columns if column not in self._keys]
        if isinstance(answer, pd.DataFrame) and self.wanted == "Series" and len(answer.columns) == 1:
            frame = answer.set_axis([_VALUES], axis=1)
        if isinstance(answer, pd.Series) and self.wanted == "DataFrame" and len(values) == 1:
            frame = answer.to_frame(name=values[0])
        forms = [_flat(frame)]
        if isinstance(answer, pd.Series) and answer.name is not None and _meaningful(answer.index):
            forms.append(_flat(answer.reset_index()))
        named = [name for name in frame.index.names if name is not None and name in values]
        if named:
            forms.append(_flat(frame.reset_index(level=named)))
        index_names = [name for name in self._answer.index.names if name is not None]
        if self._keys and len(index_names) == len(self._keys) and set(index_names) <= set(frame.columns):
            rest = [column for column in frame.columns if column not in index_names]
            keyed = frame.set_index(index_names)
            if self.wanted == "Series" and len(rest) == 1:
                keyed = keyed.set_axis([_VALUES], axis=1)
            forms.append(_flat(keyed))
        return forms

    def _built_by_hand(self, answer: object) -> object:
        """Python values typed or collected by hand as the pandas object they spell: a dict
        ``{label: value}`` a Series (its keys are row labels when the expected ones carry
        information), and so is a list or array of single values where the expected labels are only
        row positions; a dict ``{column: values}`` or a list of row dicts a DataFrame; any other
        answer, or one that spells neither, unchanged."""
        if self.wanted == "Series" and not self._keys and _values(answer):
            return pd.Series(list(answer))  # the values alone, where the labels are only row positions
        rows = isinstance(answer, list | tuple) and answer and all(isinstance(row, Mapping) for row in answer)
        if not (isinstance(answer, Mapping) or rows and self.wanted == "DataFrame"):
            return answer
        if self.wanted == "Series" and not all(pd.api.types.is_scalar(value) for value in answer.values()):
            return answer
        try:
            if self.wanted == "DataFrame":
                return pd.DataFrame([dict(row) for row in answer] if rows else dict(answer))
            series = pd.Series(dict(answer))
        except (TypeError, ValueError):  # single values, or columns of different lengths: no rows to make
            return answer
        if self._keys:
            series.index = series.index.set_names([f"{_LEVEL}{level}" for level in range(series.index.nlevels)])
        return series

    def _check(self, answer: object) -> Feedback:
        answer = self._built_by_hand(answer)
        problem = self._type_problem(answer)
        if problem:
            return self.wrong(problem)
        forms = self._forms(answer)
        expected = self._expected
        given = next((form for form in forms if set(form.columns) == set(expected.columns)), forms[0])
        if not len(given):
            return self.wrong(f"your {self.wanted} is empty. If your code produced it, your selection keeps "
                              "nothing: print the step before it and check the condition.")
        message = self._columns(expected, given)
        if message:
            return self.wrong(message)
        given = given[list(expected.columns)]
        if self._check_dtype:
            message = self._dtypes(expected, given)
        else:
            given = _numbers_as_numbers(expected, given)
            message = self._numbers_as_text(expected, given)
        if message:
            return self.wrong(message)
        if self._ordered and self._equal(expected, given):
            return self.right()
        if len(given) == len(expected) and self._equal(self._expected_sorted, _sorted(given)):
            if not self._ordered:
                return self.right()
            return self.wrong(f"the {self._rows} are right but in another order: check how you sorted them.")
        return self.wrong(self._keyed(expected, given) if self._keys else self._unkeyed(expected, given))

    def _type_problem(self, answer: object) -> str:
        if isinstance(answer, Mapping):  # one that _built_by_hand could not read
            spelled = ("maps each label to one value" if self.wanted == "Series"
                       else "maps each column name to a list of values, one per row, all of the same length")
            return (f"expected a pandas {self.wanted}, got a dict that is not one: {shown(answer)}. "
                    f"A {self.wanted} as a dict {spelled}.")
        if self.wanted == "Series" and _values(answer):  # labels are asked for (else _built_by_hand took it)
            return (f"expected a pandas Series, got {type_name(answer)} of values without their row labels: "
                    f"{shown(answer)}. Make a Series whose index holds the labels the question names.")
        if not isinstance(answer, pd.DataFrame | pd.Series):
            return f"expected a pandas {self.wanted}, got {type_name(answer)}: {shown(answer)}."
        if self.wanted == "DataFrame" and isinstance(answer, pd.Series) and not any(
                set(form.columns) == set(self._expected.columns) for form in self._forms(answer)):
            return ("expected a DataFrame (a table), got a Series; make it a table, e.g. with .reset_index() "
                    "or .to_frame().")
        if self.wanted == "Series" and isinstance(answer, pd.DataFrame) and len(answer.columns) > 1 + len(self._keys):
            return (f"expected a Series (one column of values), got a DataFrame with "
                    f"{plural(len(answer.columns), 'column')}; pick the column you computed.")
        return ""

    def _columns(self, expected: pd.DataFrame, given: pd.DataFrame) -> str:
        if given.columns.has_duplicates:
            twice = given.columns[given.columns.duplicated()].unique()
            return f"more than one column is called {listing(map(_plain, twice))}."
        if set(expected.columns) == set(given.columns):
            return ""
        extra = [_plain(column) for column in given.columns if column not in expected.columns]
        missing = [column for column in expected.columns if column not in given.columns]
        if any(str(column).startswith(_LEVEL) for column in [*extra, *missing]):
            return ("your rows are labelled another way than the question asks: check what you group by "
                    "and which column is the index.")
        parts = []
        if extra:
            parts.append(f"these columns are not asked for: {listing(extra)}")
        if missing:
            parts.append(f"{plural(len(missing), 'column')} the question asks for "
                         f"{'is' if len(missing) == 1 else 'are'} missing (check the names)")
        return "; ".join(parts) + "."

    def _numbers_as_text(self, expected: pd.DataFrame, given: pd.DataFrame) -> str:
        """Where a column of numbers was given as text (``"126"``): it can match nothing, so that comes first."""
        for column in expected.columns:
            if _is_quantity(expected[column]) and not is_numeric_dtype(given[column]) and given[column].notna().any():
                where = ("your row labels (the index)" if str(column).startswith(_LEVEL) else
                         "your Series" if self.wanted == "Series" else f"column {shown(_plain(column))}")
                return (f"{where} should hold numbers but holds {given[column].dtype} values, and numbers never "
                        "match text: convert them, e.g. with pd.to_numeric(...).")
        return ""

    def _dtypes(self, expected: pd.DataFrame, given: pd.DataFrame) -> str:
        for column in expected.columns:
            if expected[column].dtype != given[column].dtype:
                where = "your Series" if self.wanted == "Series" else f"column {shown(_plain(column))}"
                return f"{where} has dtype {given[column].dtype}, expected {expected[column].dtype}."
        return ""

    def _equal_cells(self, expected: pd.Series, given: pd.Series) -> np.ndarray:
        if is_numeric_dtype(expected) and is_numeric_dtype(given):
            wanted = expected.to_numpy(dtype="float64", na_value=np.nan)
            got = given.to_numpy(dtype="float64", na_value=np.nan)
            return np.isclose(got, wanted, rtol=self._rtol, atol=self._atol, equal_nan=True)
        pairs = zip(expected.to_numpy(dtype=object), given.to_numpy(dtype=object))
        return np.array([_same(want, got) for want, got in pairs], dtype=bool)

    def _equal(self, expected: pd.DataFrame, given: pd.DataFrame) -> bool:
        if len(expected) != len(given):
            return False
        return all(self._equal_cells(expected[c], given[c]).all() for c in expected.columns)

    @staticmethod
    def _empty_values(rows: pd.DataFrame, columns: list) -> bool:
        """Whether every value cell of ``rows`` is zero, False or missing."""
        cells = rows[columns].to_numpy(dtype=object).ravel()
        return len(cells) > 0 and all(_na(cell) or (not isinstance(cell, str) and cell == 0) for cell in cells)

    def _keyed(self, expected: pd.DataFrame, given: pd.DataFrame) -> str:
        """What differs between two tables whose rows are labelled (a groupby's keys)."""
        values = [column for column in expected.columns if column not in self._keys]
        wanted = [tuple(map(_cell, row)) for row in expected[self._keys].itertuples(index=False)]
        got = [tuple(map(_cell, row)) for row in given[self._keys].itertuples(index=False)]
        if not set(wanted) & set(got):
            return ("your rows are labelled by other values than the question asks for: check what you group by "
                    "and which column is the index.")
        extra = [row for row in got if row not in set(wanted)]
        missing = [row for row in wanted if row not in set(got)]
        if extra:
            rows = given[[row in set(extra) for row in got]]
            if values and self._empty_values(rows, values):
                return (f"your answer has {self._rows} that are zero or missing, such as {_label(extra[0])}: "
                        "a categorical column keeps its unused categories in value_counts and groupby. "
                        "Keep only what the question asks for (observed=True, or the counts above zero).")
            more = " and some are missing" if missing else ""
            return self._advised(f"{_label(extra[0])} should not be among the row labels{more}",
                                 "check your filter and what you group by.")
        if missing:
            rows = expected[[row in set(missing) for row in wanted]]
            if values and self._empty_values(rows, values):
                return (f"some {self._rows} are missing: the question keeps the ones that are zero (e.g. with "
                        "observed=False, or reindex(..., fill_value=0)).")
            return self._advised(f"some {self._rows} are missing", "check whether your filter is too strict.")
        duplicated = [row for row, count in Counter(got).items() if count > 1]
        if duplicated:
            return f"the row label {_label(duplicated[0])} appears more than once: look for rows counted twice."
        aligned = given.set_axis(got).loc[wanted]
        return self._first_difference(expected.set_axis(wanted), aligned, values)

    def _unkeyed(self, expected: pd.DataFrame, given: pd.DataFrame) -> str:
        """What differs between two tables whose rows are not labelled (filtered rows)."""
        wanted, got = _rows(expected), _rows(given)
        extra = got - wanted
        if len(given) > len(expected):
            if any(count > 1 and wanted[row] < count for row, count in got.items()):
                return f"some {self._rows} appear more than once: look for {self._rows} counted twice."
            never = {at for at in range(len(expected.columns)) if not any(row[at] is None for row in wanted)}
            if extra and all(any(row[at] is None for at in never) for row in extra):  # NaN where the answer has none
                return (f"your answer keeps {self._rows} with a missing value (NaN): check whether the question "
                        "wants them (.dropna(), .notna()).")
            if all(all(cell in (0, None) for cell in row) for row in extra):
                return (f"your answer keeps {self._rows} that are zero: check whether the question wants them.")
            return self._advised(f"your answer has too many {self._rows}", "check your filter.")
        if len(given) < len(expected):
            return self._advised(f"your answer has too few {self._rows}", "check whether your filter is too strict.")
        return self._advised(f"some of your {self._rows} are not the ones asked for",
                             "check your filter's condition and the values you computed.")

    def _first_difference(self, expected: pd.DataFrame, given: pd.DataFrame, values: list) -> str:
        for column in values:
            same = self._equal_cells(expected[column], given[column])
            if same.all():
                continue
            row = int(np.argmin(same))
            want, got = _plain(expected[column].iloc[row]), _plain(given[column].iloc[row])
            where = f"at {_label(expected.index[row])}"
            if self.wanted == "DataFrame":
                where += f", column {shown(_plain(column))}"
            if is_numeric_dtype(expected[column]) != is_numeric_dtype(given[column]):
                how = f"is of another type (your dtype is {given[column].dtype}; numbers and text never match)"
            elif _na(got) or _na(want):
                how = "is missing where a value belongs" if _na(got) else "should be missing (NaN)"
            elif is_bool_dtype(expected[column]):
                how = "is not right: check the condition that sets it"
            elif isinstance(got, bool):
                how = "is a condition, not a number: to count the rows where a condition holds, sum it"
            elif is_numeric_dtype(expected[column]):  # near the value, no direction: two tries would bracket it
                close = near(want, self._atol + self._rtol * abs(want), step=1)  # a cell's precision: a whole one
                how = ("is close, but not right" if abs(got - want) <= close
                       else "is too high" if got > want else "is too low")
            else:
                how = "is not the right one"
            return (f"the row labels are right, but some values differ; the first is {where}: "
                    f"your value {shown(got)} {how}.")
        return f"some {self._rows} differ: check the values you computed."

    def _form(self) -> str:
        return f"Give a pandas {self.wanted}."

    def describe(self) -> list[str]:
        return [f"Give a pandas {self.wanted} (in code; there is no widget for this one)."]

    def _answer_text(self) -> str:
        return self._answer.to_string(max_rows=20)

    def _matching(self) -> dict:
        return {"ordered": self._ordered, "check_dtype": self._check_dtype}
