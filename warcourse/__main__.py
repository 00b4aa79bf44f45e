"""The course's command line: python -m warcourse COMMAND (the commands are listed below).

A mistake in the inputs ends with one line on stderr naming the file, line or
parameter and what was expected, and a non-zero exit status (2 for a bad
command line or parameter, 1 for anything else); never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from .errors import CourseError, UsageError


def _build(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import build, coverage
    from .paths import DATA, shown

    data_dir = Path(args.data) if args.data else DATA
    result = build.build(annotations=Path(args.annotations or data_dir / "annotations"))
    files = build.outputs(result)
    if args.coverage:
        text, missing = coverage.report(result)
        print(text)
        if missing:
            print(f"{len(missing)} number(s) in the required sections are neither coded nor listed "
                  "in data/annotations/not_coded.yaml", file=sys.stderr)
            return 1
    if args.check:
        problems = build.differences(files, data_dir)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            return 1
        rows = sum(len(r) for r in result.tables.values())
        print(f"ok: {len(result.tables)} tables, {rows} rows, every quote found in the seed")
        return 0
    if not args.coverage:
        changed = build.write(files, data_dir)
        print(f"wrote {len(changed)} changed file(s) of {len(files)} in {shown(data_dir)}/"
              + (": " + ", ".join(changed) if changed else ""))
    return 0


def _release(args: argparse.Namespace) -> int:
    from . import release

    return release.main(check=args.check)


def _execute(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import notebooks

    for path in args.notebooks:
        changed = notebooks.execute_in_place(Path(path))
        print(f"executed {path}" + ("" if changed else " (its stored outputs were already up to date)"))
    return 0


def _render(args: argparse.Namespace) -> int:
    from . import render

    return render.main(args)


def _grade(args: argparse.Namespace) -> int:
    from .grading import grader

    return grader.main(args.submissions, args.out, jobs=args.jobs, timeout=args.timeout, keep=args.keep,
                       sandboxed=not args.no_sandbox)


def _links(args: argparse.Namespace) -> int:
    from . import links

    return links.main(args)


class _RenderHelp(argparse.Action):
    """``render --help``: the usual help, then every lesson with its parameters and allowed values."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from .catalogue import catalogue

        try:
            listed = catalogue()
        except CourseError as exc:
            listed = f"  (cannot list them: {exc})"
        parser.epilog = ("lessons and exercise sets (the exercise sets need --exercises), each with its\n"
                         "parameters as NAME (allowed values):\n" + listed)
        parser.print_help()
        parser.exit()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m warcourse", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build data/tables/*.csv from the seed and the annotations")
    b.add_argument("--check", action="store_true",
                   help="verify only: fail if a quote, number or category is wrong or the tables are stale")
    b.add_argument("--coverage", action="store_true",
                   help="print, per section, the numbers found in the text vs coded vs excluded")
    b.add_argument("--data", default=None, metavar="DIR",
                   help="the data folder: reads DIR/annotations, writes DIR/tables (default: data)")
    b.add_argument("--annotations", default=None, metavar="DIR",
                   help="read the annotations from DIR instead (default: DATA/annotations)")
    b.set_defaults(run=_build)

    r = sub.add_parser("release", help="write student copies of exercises/solutions/*.ipynb and the summative checks")
    r.add_argument("--check", action="store_true", help="fail if a student copy is out of date")
    r.set_defaults(run=_release)

    e = sub.add_parser("execute", help="re-run notebooks in place and store their outputs (for authors)")
    e.add_argument("notebooks", nargs="+", metavar="NOTEBOOK", help="notebook files")
    e.set_defaults(run=_execute)

    n = sub.add_parser("render", help="execute lessons with papermill and write notebooks and HTML",
                       add_help=False, formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Execute lessons with papermill; write the executed notebooks, HTML\n"
                                   "handouts that work offline, and an index.html.")
    n.add_argument("-h", "--help", action=_RenderHelp, help="show this help and the lessons' parameters")
    n.add_argument("lessons", nargs="*", metavar="LESSON",
                   help="lesson names or numbers, e.g. 3 or 03_air_campaigns (default: all lessons)")
    n.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                   metavar=("NAME", "VALUE"), help="set a lesson parameter (repeatable)")
    n.add_argument("--out", default="rendered", help="output folder (default: rendered/)")
    n.add_argument("--jobs", type=int, default=None, help="lessons run in parallel (default: cores)")
    n.add_argument("--no-html", action="store_true", help="write executed notebooks only")
    n.add_argument("--exercises", action="store_true",
                   help="also render the practice sets' student copies and the summative checks (never the worked "
                        "solutions: name exercises/solutions/NN_topic.ipynb by its path to render one for yourself)")
    n.set_defaults(run=_render)

    k = sub.add_parser("links", help="print Binder and nbgitpuller links for every lesson")
    k.add_argument("--repo", required=True, metavar="OWNER/NAME", help="the GitHub repository")
    k.add_argument("--ref", default="main", help="branch, tag or commit (default: main)")
    k.add_argument("--hub", default=None, metavar="URL", help="a JupyterHub for nbgitpuller links")
    k.set_defaults(run=_links)

    g = sub.add_parser("grade", help="run handed-in notebooks in a sandbox, judge their answers, write a gradebook",
                       description="Run each handed-in notebook in a bubblewrap sandbox, with a kernel that holds "
                                   "no answer key, judge the answers it recorded with the course's own questions, "
                                   "and write the gradebook. Exit status: 0 when the class was graded (problems "
                                   "with single files are listed in the gradebook), 2 for a usage error, 1 when "
                                   "the grader itself failed.")
    g.add_argument("submissions", nargs="+", metavar="SUBMISSION", help="notebooks students handed in (any names)")
    g.add_argument("--out", default="gradebook.csv",
                   help="the gradebook (default: gradebook.csv); also writes NAME-students.csv, "
                        "NAME-summary.csv and NAME.html")
    g.add_argument("--jobs", type=int, default=None, help="notebooks graded at once (default: the number of cores)")
    g.add_argument("--timeout", type=float, default=300, metavar="SECONDS",
                   help="time limit for running one notebook (default: 300)")
    g.add_argument("--keep", default=None, metavar="DIR", help="keep each executed notebook in DIR")
    g.add_argument("--no-sandbox", action="store_true",
                   help="run notebooks without bubblewrap (only for files you trust: a notebook can then "
                        "reach the answer key, the network and your files)")
    g.set_defaults(run=_grade)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except CourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`... | head -1`): stop quietly, as the Python docs advise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
