"""Answers as plain JSON data: ``encode`` in the student's kernel, ``decode`` in the grader.

An answer crosses from the sandboxed kernel to the grader as JSON tagged with its type, so the
grader's ``check`` judges the same value the kernel's would have: Python scalars and containers,
dict views, ``Fraction``, ``Decimal``, dates, numpy scalars and arrays, pandas Series, DataFrames,
Index and extension arrays (with their dtypes). ``decode`` builds only these types, from data; it
never imports, unpickles or evaluates anything the kernel wrote. Anything else arrives as its
``repr`` (a string).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction

LIMIT = 2_000_000  # characters of JSON one answer may take; a larger one arrives as a note
ITEMSIZE = 4096  # bytes an array element may take when read back (a forged dtype cannot fill the memory)


class Unreadable(ValueError):
    """Data that ``decode`` does not know how to read back."""


def _isna(values):
    import pandas as pd

    return pd.isna(values).tolist()


def _module(value: object) -> str:
    return type(value).__module__.split(".")[0]


def encode(value: object) -> object:
    """``value`` as JSON data tagged with its type (see ``decode``)."""
    kind = type(value)
    if value is None or kind in (bool, str):
        return value
    if kind is int:
        return value if abs(value) < 2 ** 53 else {"int": str(value)}
    if kind is float:
        return {"float": repr(value)}
    if value is Ellipsis:
        return {"ellipsis": True}
    if kind is bytes:
        return {"bytes": value.decode("latin-1")}
    if kind is complex:
        return {"complex": [repr(value.real), repr(value.imag)]}
    if isinstance(value, Fraction):
        return {"fraction": [str(value.numerator), str(value.denominator)]}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if _module(value) == "numpy":
        return _numpy(value)
    if _module(value) == "pandas":
        return _pandas(value)
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, (list, tuple, set, frozenset)):
        tag = ("frozenset" if isinstance(value, frozenset) else "set" if isinstance(value, set)
               else "tuple" if isinstance(value, tuple) else "list")
        return {tag: [encode(item) for item in value]}
    if isinstance(value, dict):
        return {"dict": [[encode(key), encode(item)] for key, item in value.items()]}
    view = kind.__name__
    if view in ("dict_keys", "dict_values", "dict_items") and kind.__module__ == "builtins":
        return {view: [encode(item) for item in value]}
    if isinstance(value, (str, int, float)):  # a subclass of a builtin: its plain value
        return encode(str(value) if isinstance(value, str) else int(value) if isinstance(value, int) else float(value))
    return _repr(value)


def _repr(value: object) -> dict:
    from ..exercises.feedback import shown  # a repr that cannot raise, even for a hostile object

    return {"repr": shown(value, limit=2000)}


def _numpy(value) -> object:
    import numpy as np

    if isinstance(value, np.ndarray):
        return {"ndarray": {"dtype": value.dtype.str if value.dtype.kind not in "OUSV" else value.dtype.kind,
                            "shape": list(value.shape), "items": _items(value.ravel())}}
    if isinstance(value, np.generic):
        return {"numpy": value.dtype.str, "item": _items(np.array([value]))[0]}
    return _repr(value)


def _items(array) -> list:
    """The elements of a one-dimensional numpy array or pandas extension array, each encoded."""
    kind = getattr(array.dtype, "kind", "O")
    if kind in "Mm":  # datetimes as ISO text, durations as counts of their unit; NaT as null
        import numpy as np

        values = np.asarray(array)
        missing = _isna(values)
        shown = values.astype(str) if kind == "M" else values.astype("int64").tolist()
        return [None if gone else item if kind == "m" else str(item) for item, gone in zip(shown, missing)]
    if kind in "biufcUS":
        return [encode(item) for item in array.tolist()]
    return [encode(item) for item in array]


def _pandas(value) -> object:
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        return {"dataframe": {"columns": _pandas(value.columns), "index": _pandas(value.index),
                              "data": [_array(value.iloc[:, n].array) for n in range(value.shape[1])]}}
    if isinstance(value, pd.Series):
        return {"series": {"name": encode(value.name), "index": _pandas(value.index), "data": _array(value.array)}}
    if isinstance(value, pd.MultiIndex):
        return {"multiindex": {"names": [encode(name) for name in value.names],
                               "levels": [_pandas(value.get_level_values(n)) for n in range(value.nlevels)]}}
    if isinstance(value, pd.Index):
        return {"index": {"name": encode(value.name), "data": _array(value.array)}}
    if isinstance(value, pd.api.extensions.ExtensionArray):
        return {"array": _array(value)}
    if value is pd.NA:
        return {"na": True}
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return {"timestamp": value.isoformat()}
    return _repr(value)


def _array(array) -> dict:
    """A pandas array with its dtype: the values, and a category's categories."""
    import pandas as pd

    if isinstance(array.dtype, pd.CategoricalDtype):
        return {"dtype": "category", "ordered": bool(array.dtype.ordered),
                "categories": _array(array.dtype.categories.array), "codes": array.codes.tolist()}
    values = array.to_numpy() if isinstance(array, pd.arrays.NumpyExtensionArray) else array
    return {"dtype": str(array.dtype), "items": _items(values if hasattr(values, "dtype") else array)}


def encode_safely(value: object) -> object:
    """``encode``, or a note of what could not be read when the answer's own methods raise or it is too large."""
    try:
        encoded = encode(value)
        if len(json.dumps(encoded)) > LIMIT:
            return {"repr": f"<{type(value).__name__} too large to grade>"}
        return encoded
    except Exception as error:
        return {"repr": f"<{type(value).__name__} that cannot be read: {type(error).__name__}>"}


# --- in the grader -----------------------------------------------------------------------------

def decode(data: object) -> object:
    """The value ``encode`` turned into ``data``; Unreadable for data it did not write."""
    try:
        return _decode(data)
    except Unreadable:
        raise
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError, RecursionError,
            ArithmeticError) as error:
        raise Unreadable(f"{type(error).__name__}: {str(error)[:100]}") from None


def _decode(data: object) -> object:
    if data is None or type(data) in (bool, str, int):
        return data
    if not isinstance(data, dict) or len(data) < 1:
        raise Unreadable(f"not an encoded answer: {type(data).__name__}")
    tag = next(iter(data))
    body = data[tag]
    scalar = _SCALARS.get(tag)
    if scalar is not None:
        return scalar(body)
    if tag in _CONTAINERS:
        return _CONTAINERS[tag]([_decode(item) for item in body])
    if tag == "dict":
        return {_decode(key): _decode(item) for key, item in body}
    if tag == "numpy":
        import numpy as np

        return np.array([_decode(data["item"])], dtype=_numpy_dtype(body))[0]
    if tag == "ndarray":
        return _ndarray(body)
    if tag in ("series", "dataframe", "index", "multiindex", "array"):
        return _pandas_value(tag, body)
    raise Unreadable(f"unknown answer type {tag!r}")


def _numpy_dtype(text: str):
    """A numpy dtype from its ``dtype.str`` (``<i8``, ``<U5``, ``|b1``); no wider than ``ITEMSIZE``."""
    import numpy as np

    if not isinstance(text, str) or not (text == "O" or text[:1] in "<>|="):
        raise Unreadable(f"unknown dtype {text!r}")
    dtype = np.dtype(text)
    if dtype.itemsize > ITEMSIZE:
        raise Unreadable(f"dtype {text!r} is too wide")
    return dtype


def _ndarray(body: dict):
    import numpy as np

    dtype = body["dtype"]
    items = [_decode(item) for item in body["items"]]
    shape = tuple(int(n) for n in body["shape"])
    if dtype in ("U", "S"):  # fixed-width text: numpy picks the width from the items
        return np.array(items, dtype=str if dtype == "U" else bytes).reshape(shape)
    if dtype in ("O", "V"):
        array = np.empty(len(items), dtype=object)
        array[:] = items
        return array.reshape(shape)
    return np.array(items, dtype=_numpy_dtype(dtype)).reshape(shape)


def _pandas_array(body: dict):
    import pandas as pd

    if body["dtype"] == "category":
        categories = pd.Index(_pandas_array(body["categories"]))
        return pd.Categorical.from_codes([int(c) for c in body["codes"]],
                                         dtype=pd.CategoricalDtype(categories, ordered=bool(body["ordered"])))
    items = [_decode(item) for item in body["items"]]
    dtype = pd.api.types.pandas_dtype(str(body["dtype"]))
    return pd.array(items, dtype=dtype)


def _pandas_value(tag: str, body: dict):
    import pandas as pd

    if tag == "array":
        return _pandas_array(body)
    if tag == "index":
        return pd.Index(_pandas_array(body["data"]), name=_decode(body["name"]), tupleize_cols=False)
    if tag == "multiindex":
        levels = [_pandas_value("index", level["index"]) for level in body["levels"]]
        return pd.MultiIndex.from_arrays(levels, names=[_decode(name) for name in body["names"]])
    index = _decode(body["index"])
    if tag == "series":
        return pd.Series(_pandas_array(body["data"]), index=index, name=_decode(body["name"]), copy=False)
    columns = _decode(body["columns"])
    frame = pd.DataFrame({n: _pandas_array(column) for n, column in enumerate(body["data"])}, index=index)
    frame.columns = columns
    return frame


def _pd():
    import pandas

    return pandas


_SCALARS = {
    "float": lambda text: float(str(text)),
    "int": lambda text: int(str(text)),
    "ellipsis": lambda _: ...,
    "complex": lambda parts: complex(float(parts[0]), float(parts[1])),
    "fraction": lambda parts: Fraction(int(parts[0]), int(parts[1])),
    "decimal": lambda text: Decimal(str(text)),
    "datetime": lambda text: dt.datetime.fromisoformat(str(text)),
    "date": lambda text: dt.date.fromisoformat(str(text)),
    "repr": str,
    "bytes": lambda text: str(text).encode("latin-1"),
    "na": lambda _: _pd().NA,
    "timestamp": lambda text: _pd().Timestamp(str(text)),
}
_CONTAINERS = {
    "list": list, "tuple": tuple, "set": set, "frozenset": frozenset,
    "dict_keys": lambda items: dict.fromkeys(items).keys(),
    "dict_values": lambda items: dict(enumerate(items)).values(),
    "dict_items": lambda items: dict(items).items(),
}
