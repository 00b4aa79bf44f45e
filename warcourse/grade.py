"""Grade handed-in notebooks: ``python -m warcourse grade SUBMISSIONS... [--out gradebook.csv]``.

For each file: read it (a file that is not a notebook is *damaged*), find the question bank it
builds (``q = questions.<bank>(...)``; a notebook without one is *foreign*), run it again with
papermill in a fresh kernel with a cell appended that reports every answer checked in code, and
read the answers left in its widgets from the widget state saved in the notebook. Every answer is
then checked again here, in the grader's own process, against questions built afresh from the
course's tables: nothing the student's kernel did can make an answer right. A notebook whose kernel
redefined part of the course (a ``check``, a question's text) or whose saved widgets do not match
the questions is *tampered* and scores nothing.

The gradebook has one row per file and question (``right``, ``wrong`` or ``unanswered``, with the
number of tries and the answer counted), and a summary per question (how many got it right, the most
common wrong answer), each as CSV and HTML. A question is right when the student's last answer in
code, or the answer left in its widget, is right. Tries count the answers checked in the notebook as
handed in (each ``.check(...)`` run once, plus one for a widget answer that was checked); tries made
and then overwritten before saving are not in the file.
"""

from __future__ import annotations

import ast
import csv
import html
import importlib
import io
import json
import math
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CourseError, UsageError

CELL_TIMEOUT = 120  # seconds a student's cell may run
MARK = "WARCOURSE-GRADE "  # the appended cell's report starts with this
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
PREFIX = "warcourse-q-"  # the DOM class carrying a widget's question id (warcourse.exercises.views)
_BANK_CALL = re.compile(r"^\s*(\w+)\s*=\s*questions\.(\w+)\(([^)]*)\)", re.MULTILINE)
PROBE = f"""import warcourse.grade as _grade
print({MARK!r} + _grade.probe(globals()))"""
RESULTS = ("right", "wrong", "unanswered")
COLUMNS = ["file", "notebook", "parameters", "question", "result", "tries", "answer", "via", "status", "note"]


# A kernel that grades sends any HTTP(S) request through a proxy that is not there: handed-in code
# does not reach the network through urllib, requests or pip (raw sockets are not stopped).
OFFLINE = {name: "http://127.0.0.1:9" for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                                                   "all_proxy", "ALL_PROXY")} | {"no_proxy": "", "NO_PROXY": ""}


class NotGradable(Exception):
    """A submission that cannot be graded: ``status`` is damaged, foreign, tampered or failed."""

    def __init__(self, status: str, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


# --- in the student's kernel ---------------------------------------------------------------

def encode(value: object) -> object:
    """``value`` as JSON data tagged with its type, so the grader can rebuild it (see ``decode``)."""
    if type(value).__module__ == "numpy" and hasattr(value, "item") and not hasattr(value, "__len__"):
        value = value.item()  # a numpy scalar
    if value is None or type(value) in (bool, str, int):
        return value
    if value is Ellipsis:
        return {"ellipsis": True}
    if isinstance(value, float):
        return {"float": repr(float(value))}
    if isinstance(value, (str, int)):  # subclasses
        return encode(str(value) if isinstance(value, str) else int(value))
    if isinstance(value, (list, tuple, set, frozenset)):
        kind = "set" if isinstance(value, (set, frozenset)) else type(value).__name__ if isinstance(value, tuple) else "list"
        return {kind: [encode(item) for item in value]}
    if isinstance(value, dict):
        return {"dict": [[encode(key), encode(item)] for key, item in value.items()]}
    module = type(value).__module__
    if module.startswith("pandas") and type(value).__name__ in ("DataFrame", "Series"):
        kind = type(value).__name__.lower()
        dtypes = {str(k): str(v) for k, v in value.dtypes.items()} if kind == "dataframe" else str(value.dtype)
        return {kind: value.to_json(orient="split", date_format="iso"), "dtypes": dtypes}
    from .exercises.feedback import shown  # a repr that cannot raise, even for a hostile object

    return {"repr": shown(value, limit=2000)}


def encode_safely(value: object) -> object:
    """``encode``, or a note of what could not be read when the answer's own methods raise."""
    try:
        encoded = encode(value)
        json.dumps(encoded)  # a 5,000-digit integer, for one, is no JSON
        return encoded
    except Exception as error:
        return {"repr": f"<{type(value).__name__} that cannot be read: {type(error).__name__}>"}


def fingerprint() -> dict[str, dict[str, str]]:
    """Per loaded ``warcourse`` module, where each of its functions and classes is defined.

    A function redefined in a notebook (``Numeric.check = ...``) is defined somewhere else than in
    the course's files, so the grader's own fingerprint differs there.
    """
    prints = {}
    for name, module in sorted(sys.modules.items()):
        if module is None or not (name == "warcourse" or name.startswith("warcourse.")):
            continue
        found = prints[name] = {}
        for attr, obj in list(vars(module).items()):
            if isinstance(obj, type):
                found[attr] = f"class {obj.__module__}.{obj.__qualname__}"
                if obj.__module__ == name:
                    for member, item in list(vars(obj).items()):
                        if (where := _defined(item)) is not None:
                            found[f"{attr}.{member}"] = where
            elif (where := _defined(obj)) is not None:
                found[attr] = where
    return prints


def _defined(obj: object) -> str | None:
    """``file:line`` of a function (or of what a staticmethod, classmethod or property wraps)."""
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    elif isinstance(obj, property):
        obj = obj.fget
    code = getattr(obj, "__code__", None)
    if code is None:
        return None
    package = str(Path(__file__).parent)
    filename = code.co_filename
    filename = "warcourse" + filename[len(package):] if filename.startswith(package) else filename
    return f"{filename}:{code.co_firstlineno}"


def probe(namespace: dict) -> str:
    """The report of the appended cell: answers checked in code, questions as the kernel holds them,
    and anything redefined, as one line of JSON."""
    from .exercises import Exercise, record
    from .questions import QuestionBank

    attempts = [[attempt.question_id, encode_safely(attempt.answer), attempt.via] for attempt in record.attempts()]
    questions, overrides = {}, []
    for value in list(namespace.values()):
        if not isinstance(value, QuestionBank):
            continue
        for name in value:
            exercise = value[name]
            if not isinstance(exercise, Exercise) or not type(exercise).__module__.startswith("warcourse."):
                overrides.append(f"{name} is not one of the course's questions")
                continue
            questions[str(exercise.id)] = str(exercise.question)
            overrides += [f"{exercise.id}.{attr} is redefined" for attr in vars(exercise)
                          if callable(getattr(type(exercise), attr, None))]
    return json.dumps({"attempts": attempts, "questions": questions, "overrides": overrides,
                       "fingerprint": fingerprint()})


# --- in the grader -----------------------------------------------------------------------------

def decode(data: object) -> object:
    """The value ``encode`` turned into ``data``."""
    if not isinstance(data, dict):
        return data
    if "ellipsis" in data:
        return ...
    if "float" in data:
        return float(data["float"])
    for kind, build in (("list", list), ("tuple", tuple), ("set", set)):
        if kind in data:
            return build(decode(item) for item in data[kind])
    if "dict" in data:
        return {decode(key): decode(value) for key, value in data["dict"]}
    if "dataframe" in data or "series" in data:
        import pandas as pd

        kind = "frame" if "dataframe" in data else "series"
        value = pd.read_json(io.StringIO(data.get("dataframe") or data["series"]), orient="split", typ=kind,
                             dtype=False)
        try:
            return value.astype(data["dtypes"])
        except (TypeError, ValueError, KeyError):
            return value
    return data.get("repr", "")


@dataclass
class Submission:
    """One handed-in file, what it is, and its graded rows."""

    path: Path
    notebook: str = ""
    parameters: dict = field(default_factory=dict)
    status: str = "graded"
    note: str = ""
    rows: list[dict] = field(default_factory=list)


def read(path: Path):
    """The notebook in ``path``; NotGradable('damaged') when it is not one."""
    import nbformat

    try:
        nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(nb)
    except (OSError, UnicodeDecodeError) as exc:
        raise NotGradable("damaged", f"cannot read it: {exc}") from None
    except Exception as exc:  # nbformat raises JSON, validation and version errors of several kinds
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise NotGradable("damaged", f"not a readable notebook: {first}") from None
    return nb


def literal_parameters(nb) -> dict:
    """The values the notebook's parameters cell(s) set (papermill's injected cell wins)."""
    values = {}
    for tag in ("parameters", "injected-parameters"):
        for cell in nb.cells:
            if cell.cell_type == "code" and tag in cell.metadata.get("tags", []):
                try:
                    tree = ast.parse(cell.source)
                except SyntaxError:
                    raise NotGradable("tampered", "its parameters cell is not valid Python") from None
                for node in tree.body:
                    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                        try:
                            values[node.targets[0].id] = ast.literal_eval(node.value)
                        except ValueError:
                            raise NotGradable("tampered", f"parameter {node.targets[0].id} is not a plain value") from None
    return values


def identify(nb) -> tuple[str, str, list, list[str]]:
    """The bank variable, bank function, its arguments and the names of the questions the notebook asks."""
    from . import questions

    calls = [match for cell in nb.cells if cell.cell_type == "code" for match in _BANK_CALL.finditer(cell.source)]
    if len(calls) != 1:
        raise NotGradable("foreign", "not one of the course's notebooks (no single `q = questions.<bank>(...)`)")
    variable, bank, arguments = calls[0].groups()
    if bank not in questions.__all__ or bank == "QuestionBank":
        raise NotGradable("foreign", f"questions.{bank} is not one of the course's question banks")
    parameters = literal_parameters(nb)
    args = []
    for argument in (a.strip() for a in arguments.split(",") if a.strip()):
        if argument in parameters:
            args.append(parameters[argument])
        else:
            try:
                args.append(ast.literal_eval(argument))
            except ValueError:
                raise NotGradable("tampered", f"questions.{bank}({arguments}): {argument} is not a parameter") from None
    asked = re.compile(rf"\b{re.escape(variable)}\.(\w+)")
    names = list(dict.fromkeys(name for cell in nb.cells if cell.cell_type == "code"
                               for name in asked.findall(cell.source)))
    return variable, bank, args, names


def fresh_bank(bank: str, args: list):
    """The questions of ``bank`` built now, from the course's tables."""
    from . import questions

    try:
        return getattr(questions, bank)(*args)
    except (CourseError, TypeError, ValueError) as exc:
        raise NotGradable("tampered", f"questions.{bank}{tuple(args)!r} cannot be built: {exc}") from None


def label(bank: str, names: list[str], fresh) -> str:
    """The course notebook this is: lesson, practice set or summative check."""
    from .paths import EXERCISES, NOTEBOOKS, ROOT

    asked = [name for name in names if name in fresh]
    summative = bool(asked) and all(name in fresh.summative for name in asked)
    folders = [EXERCISES / "checks"] if summative else [NOTEBOOKS, EXERCISES]
    for folder in folders:
        for path in sorted(folder.glob("*.ipynb")):
            if re.search(rf"questions\.{bank}\(", path.read_text(encoding="utf-8")):
                return path.relative_to(ROOT).with_suffix("").as_posix()
    return bank


def _offline_manager():
    """render's kernel manager (IPC sockets, quiet shutdown), starting its kernels with ``OFFLINE``."""
    import os

    from .render import QuietKernelManager

    class OfflineKernelManager(QuietKernelManager):
        async def start_kernel(self, **kw):
            kw["env"] = {**(kw.get("env") or os.environ), **OFFLINE}
            await super().start_kernel(**kw)

    return OfflineKernelManager


def execute(nb, workdir: Path) -> dict:
    """Run the notebook with the probe appended; return the probe's report (NotGradable('failed') if none)."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from .render import papermill_options

    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    source, target = workdir / "submission.ipynb", workdir / "executed.ipynb"
    nbformat.write(nb, source)
    try:
        papermill.execute_notebook(str(source), str(target), cwd=str(workdir), execution_timeout=CELL_TIMEOUT,
                                   allow_errors=True, **(papermill_options() | {"kernel_manager_class": _offline_manager()}))
    except PapermillExecutionError:
        pass  # a student's cell raised: every cell still ran (allow_errors); the report is in the output
    except Exception as exc:  # a timeout, a dead kernel: what nbclient and papermill raise varies
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise NotGradable("failed", f"did not run to the end ({type(exc).__name__}: {first[:200]})") from None
    executed = nbformat.read(target, as_version=4)
    for output in executed.cells[-1].get("outputs", []):
        text = output.get("text", "") if output.get("output_type") == "stream" else ""
        if text.startswith(MARK):
            return json.loads(text[len(MARK):])
    raise NotGradable("failed", "the grader's cell gave no report (the kernel died or a cell stopped it)")


def tampering(report: dict, fresh) -> list[str]:
    """What the kernel redefined: functions of the course, question objects or question texts."""
    found = list(report.get("overrides", []))
    theirs = report.get("fingerprint", {})
    for name in theirs:
        if name == "warcourse" or name.startswith("warcourse."):
            try:
                importlib.import_module(name)
            except ImportError:
                found.append(f"{name} is not a module of the course")
    ours = fingerprint()
    for name, mine in ours.items():
        if name not in theirs:
            continue
        # a module's own names may differ (questions binds its banks when first asked for); a class's may not
        found += [f"{name}.{key} is {'missing' if key not in theirs[name] else 'redefined'}"
                  for key, where in mine.items() if theirs[name].get(key, where if "." not in key else None) != where]
        found += [f"{name}.{key} is redefined" for key in theirs[name] if "." in key and key not in mine]
    for name in fresh:
        exercise = fresh[name]
        text = report.get("questions", {}).get(exercise.id)
        if text is not None and text != exercise.question:
            found.append(f"the question {exercise.id} was changed")
    return found


def displayed_models(nb) -> set[str]:
    """The widget models the notebook's outputs show (older models of a re-run cell are not)."""
    return {output["data"]["application/vnd.jupyter.widget-view+json"].get("model_id")
            for cell in nb.cells if cell.cell_type == "code" for output in cell.get("outputs", [])
            if "application/vnd.jupyter.widget-view+json" in output.get("data", {})}


def widget_answers(nb, fresh) -> dict[str, tuple[object, bool]]:
    """Per question id, the answer left in its widget and whether it was checked, from the saved state."""
    from .exercises import ExerciseView

    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    shown = displayed_models(nb)
    by_id = {fresh[name].id: fresh[name] for name in fresh}
    answers = {}
    for model_id, model in state.items():
        if model_id not in shown or not isinstance(model, dict):
            continue
        ids = [c[len(PREFIX):] for c in model.get("state", {}).get("_dom_classes", []) if c.startswith(PREFIX)]
        if not ids:
            continue
        if ids[0] not in by_id:
            raise NotGradable("tampered", f"a saved widget asks {ids[0]}, which is not a question of this notebook")
        view = ExerciseView(by_id[ids[0]])
        checked = _restore(view.box, model, state, ids[0])
        if view.value is not None:
            answers[ids[0]] = (view.value(), checked)
    return answers


_VALUES = {"TextModel", "TextareaModel", "IntTextModel", "FloatTextModel", "BoundedIntTextModel",
           "BoundedFloatTextModel", "CheckboxModel", "IntSliderModel", "FloatSliderModel"}
_CHOICES = {"RadioButtonsModel", "DropdownModel", "SelectModel", "ToggleButtonsModel"}


def _restore(widget, model: dict, state: dict, question: str) -> bool:
    """Give ``widget`` (and its children) the values saved in ``model``; True if feedback was shown."""
    saved = model.get("state", {})
    name = widget._model_name
    if saved.get("_model_name", model.get("model_name")) != name:
        raise NotGradable("tampered", f"the saved widget of {question} is not the question's widget")
    shown = "description" if name == "CheckboxModel" else "value" if name in ("HTMLModel", "LabelModel") else None
    if shown and saved.get(shown, getattr(widget, shown)) != getattr(widget, shown):
        raise NotGradable("tampered", f"the question {question} was changed in its saved widget")
    try:
        if name in _CHOICES and saved.get("index") is not None:
            widget.index = list(widget._options_labels).index(saved["_options_labels"][saved["index"]])
        elif name == "SelectMultipleModel":
            labels = list(widget._options_labels)
            widget.index = tuple(labels.index(saved["_options_labels"][i]) for i in saved.get("index", ()))
        elif name in _VALUES and "value" in saved:
            widget.value = saved["value"]
    except (KeyError, IndexError, ValueError, TypeError):
        raise NotGradable("tampered", f"the saved answer of {question} is not one of its options") from None
    feedback = name == "OutputModel" and bool(saved.get("outputs"))
    if hasattr(widget, "children"):
        refs = saved.get("children", [])
        if len(refs) != len(widget.children):
            raise NotGradable("tampered", f"the saved widget of {question} is not the question's widget")
        for child, ref in zip(widget.children, refs):
            child_model = state.get(str(ref).removeprefix("IPY_MODEL_"))
            if not isinstance(child_model, dict):
                raise NotGradable("damaged", f"the saved widget of {question} is incomplete")
            feedback |= _restore(child, child_model, state, question)
    return feedback


def shown_answer(answer: object) -> str:
    """An answer as a short line of text for the gradebook."""
    if type(answer).__name__ == "DataFrame":
        return f"(a table of {len(answer)} rows: {', '.join(map(str, answer.columns))})"[:120]
    if type(answer).__name__ == "Series":
        return f"(a Series of {len(answer)} values)"
    if isinstance(answer, (set, frozenset)):
        answer = sorted(answer, key=str)
    if isinstance(answer, (list, tuple)):
        return "; ".join(map(str, answer))[:120]
    if isinstance(answer, float) and math.isfinite(answer) and answer == int(answer):
        answer = int(answer)
    return " ".join(str(answer).split())[:120]


def judge(exercise, code: list, widget: tuple | None) -> dict:
    """One gradebook row's result, tries, answer and channel for ``exercise``."""
    given = []  # (via, answer, correct) of every real answer, in order
    for answer in code:
        given.append(("code", answer, _correct(exercise, answer, "code")))
    tries = sum(correct is not None for _, _, correct in given)
    if widget is not None:
        answer, checked = widget
        correct = _correct(exercise, answer, "widget")
        given.append(("widget", answer, correct))
        tries += checked and correct is not None
    answered = [item for item in given if item[2] is not None]
    last = [item for item in answered if item[0] == "code"][-1:] + [item for item in answered if item[0] == "widget"]
    if not last:
        return {"result": "unanswered", "tries": tries, "answer": "", "via": ""}
    via, answer, correct = next((item for item in last if item[2]), last[-1])
    return {"result": "right" if correct else "wrong", "tries": tries, "answer": shown_answer(answer), "via": via}


def _correct(exercise, answer, via: str) -> bool | None:
    try:
        return exercise.check(answer, via=via).correct
    except Exception:  # the contract says check never raises; if it does, the answer is not right
        return False


def grade_one(path: Path) -> Submission:
    """Grade one handed-in file; a problem becomes its status, never an exception."""
    submission = Submission(path)
    try:
        nb = read(path)
        _, bank, args, names = identify(nb)
        fresh = fresh_bank(bank, args)
        submission.notebook, submission.parameters = label(bank, names, fresh), fresh.parameters
        asked = [name for name in names if name in fresh]
        if not asked:
            raise NotGradable("foreign", f"it builds questions.{bank} but asks none of its questions")
        widgets = widget_answers(nb, fresh)
        code: dict[str, list] = {}
        with tempfile.TemporaryDirectory(prefix="warcourse-grade-") as workdir:
            try:
                report = execute(nb, Path(workdir))
            except NotGradable as exc:
                if exc.status != "failed":
                    raise
                report, submission.status, submission.note = None, exc.status, exc.reason + "; widget answers only"
        if report is not None:
            problems = tampering(report, fresh)
            if problems:
                more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
                raise NotGradable("tampered", "; ".join(problems[:3]) + more)
            for question_id, answer, _via in report.get("attempts", []):
                try:
                    code.setdefault(question_id, []).append(decode(answer))
                except (TypeError, ValueError, KeyError):  # a report the probe did not write
                    raise NotGradable("tampered", f"an answer to {question_id} cannot be read back") from None
        for name in asked:
            exercise = fresh[name]
            submission.rows.append({"question": exercise.id, **judge(exercise, code.get(exercise.id, []),
                                                                      widgets.get(exercise.id))})
    except NotGradable as exc:
        submission.status, submission.note, submission.rows = exc.status, exc.reason, []
    except Exception as exc:  # whatever else a strange file does, the other files still get graded
        submission.status, submission.rows = "failed", []
        submission.note = f"could not be graded ({type(exc).__name__}: {str(exc)[:200]})"
    return submission


def rows(submissions: list[Submission]) -> list[dict]:
    """The gradebook: one row per file and question; a file not graded gets one row saying why."""
    table = []
    for sub in submissions:
        common = {"file": str(sub.path), "notebook": sub.notebook,
                  "parameters": ", ".join(f"{k}={v}" for k, v in sub.parameters.items()),
                  "status": sub.status, "note": sub.note}
        if not sub.rows:
            table.append({**common, "question": "", "result": "not graded", "tries": "", "answer": "", "via": ""})
        table += [{**common, **row} for row in sub.rows]
    return [{column: row.get(column, "") for column in COLUMNS} for row in table]


def summary(table: list[dict]) -> list[dict]:
    """Per notebook and question: how many files answered it, got it right, wrong, left it; the most common wrong answer."""
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for row in table:
        if row["question"]:
            groups.setdefault((row["notebook"], row["parameters"], row["question"]), []).append(row)
    result = []
    for (notebook, parameters, question), members in groups.items():
        counts = Counter(row["result"] for row in members)
        wrong = Counter(row["answer"] for row in members if row["result"] == "wrong")
        common, times = wrong.most_common(1)[0] if wrong else ("", 0)
        result.append({"notebook": notebook, "parameters": parameters, "question": question,
                       "files": len(members), **{name: counts[name] for name in RESULTS},
                       "most common wrong answer": common, "given by": times or ""})
    return result


def to_csv(table: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(table[0]) if table else COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return buffer.getvalue().encode("utf-8")


def to_html(table: list[dict], title: str) -> bytes:
    """A self-contained HTML page with ``table`` (no scripts, nothing loaded from the network)."""
    columns = list(table[0]) if table else COLUMNS
    head = "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in columns)
    body = "\n".join("<tr>" + "".join(f"<td class='{html.escape(str(row[c]).replace(' ', '-'))}'>"
                                      f"{html.escape(str(row[c]))}</td>" for c in columns) + "</tr>" for row in table)
    style = ("body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}"
             "th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}"
             "td.right{background:#e6f2e6}td.wrong{background:#f8e3e3}td.unanswered{background:#f2f2f2}")
    page = (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body><h1>{html.escape(title)}</h1>\n"
            f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table></body></html>\n")
    return page.encode("utf-8")


def outputs(out: Path) -> dict[str, Path]:
    """The four files a gradebook is written to, named after ``out``."""
    summary_csv = out.with_name(f"{out.stem}-summary.csv")
    return {"csv": out, "html": out.with_suffix(".html"), "summary_csv": summary_csv,
            "summary_html": summary_csv.with_suffix(".html")}


def main(submissions: list[str], out: str) -> int:
    """Grade every file, write the gradebook; exit 1 if some file could not be graded."""
    from tqdm import tqdm

    from .files import write_atomic
    from .paths import shown

    target = Path(out)
    if target.suffix.lower() != ".csv":
        raise UsageError(f"--out {out}: expected a file name ending in .csv")
    paths = [Path(name) for name in submissions]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    graded = [grade_one(path) for path in tqdm(paths, unit="notebook", file=sys.stderr, disable=None)]
    table = rows(graded)
    per_question = summary(table)
    files = outputs(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(files["csv"], to_csv(table))
    write_atomic(files["html"], to_html(table, "Gradebook"))
    write_atomic(files["summary_csv"], to_csv(per_question))
    write_atomic(files["summary_html"], to_html(per_question, "Gradebook: per question"))
    problems = [sub for sub in graded if sub.status != "graded"]
    for sub in problems:
        print(f"{sub.path}: {sub.status}: {sub.note}", file=sys.stderr)
    print(f"graded {len(graded) - len(problems)} of {len(graded)} file(s); wrote {shown(files['csv'])}, "
          f"{shown(files['html'])}, {shown(files['summary_csv'])} and {shown(files['summary_html'])}")
    return 1 if problems else 0
