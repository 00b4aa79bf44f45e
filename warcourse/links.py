"""``python -m warcourse links``: Binder and nbgitpuller links for every lesson and exercise set.

Binder opens a notebook in JupyterLab with
``https://mybinder.org/v2/gh/OWNER/NAME/REF?urlpath=lab/tree/<path>``. An
nbgitpuller link, in the form of nbgitpuller's own link generator, has a
JupyterHub clone the repository into a folder called NAME and open the notebook:
``{hub}/hub/user-redirect/git-pull?repo=<repo URL>&urlpath=lab/tree/NAME/<path>&branch=REF``.
Students get links to the student copies of the exercise sets, never to the solutions.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from .catalogue import discover
from .errors import CourseError, UsageError
from .paths import ROOT

BINDER = "https://mybinder.org"
BADGE = "https://mybinder.org/badge_logo.svg"
_OWNER = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
_NAME = re.compile(r"^[A-Za-z0-9._-]{1,100}$")
_BAD_REF = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]|\.\.|@\{|//|^[-/.]|[/.]$|\.lock$")


def repository(text: str) -> tuple[str, str]:
    """``OWNER/NAME`` as GitHub allows them; UsageError otherwise."""
    owner, _, name = text.partition("/")
    if not (_OWNER.match(owner) and _NAME.match(name)) or name in (".", "..") or name.endswith(".git"):
        raise UsageError(f"--repo must be OWNER/NAME as on GitHub (letters, digits, '-'; the name "
                         f"also '.' and '_', without .git), not {text!r}")
    return owner, name


def reference(text: str) -> str:
    """A branch, tag or commit name git would accept; UsageError otherwise."""
    if not text or _BAD_REF.search(text):
        raise UsageError(f"--ref must be a branch, tag or commit name, not {text!r}")
    return text


_NETLOC = re.compile(r"^(\[[^\[\]]+\]|[^\[\]:]+)(:[0-9]+)?$")
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$")
_HUB_REFUSED = re.compile(r"""[\s"'<>\\`{}|^?#\x00-\x1f\x7f]""")


def hub_url(text: str) -> str:
    """A JupyterHub's http(s) address without a trailing slash (nor a page of the hub: "/hub", "/hub/home"),
    host and path encoded;
    UsageError for anything else (a query, fragment, bad port, quotes, brackets, backslashes)."""
    def refuse(why: str) -> UsageError:
        return UsageError(f"--hub must be the http:// or https:// address of a JupyterHub; {text!r} {why}")

    bad = _HUB_REFUSED.search(text)
    if bad:
        shown = {"?": "a query", "#": "a fragment"}.get(bad.group(), f"the character {bad.group()!r}")
        raise refuse(f"has {shown}")
    try:
        parts = urlsplit(text)
        port = parts.port
        host = parts.hostname
    except ValueError as exc:  # unbalanced IPv6 brackets, a port that is no number or out of range
        raise refuse(f"has {'a bad port' if 'ort' in str(exc) else 'unbalanced IPv6 brackets'} ({exc})") from None
    if parts.scheme not in ("http", "https") or not host:
        raise refuse("needs the scheme http or https and a host")
    if "@" in parts.netloc:
        raise refuse("has a user name")
    if not _NETLOC.match(parts.netloc):
        raise refuse("has unbalanced IPv6 brackets or an empty port")
    if re.search(r"%(?![0-9A-Fa-f]{2})", parts.path):
        raise refuse("has a % that starts no %XX escape")
    if ":" in host:  # IPv6
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise refuse("has no valid IPv6 address in its brackets") from None
        host = f"[{host}]"
    else:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            host = ""
        if not _HOST.match(host):
            raise refuse("has no valid host name") from None
    hub_path = re.sub(r"/hub(?:/.*)?$", "", parts.path)  # a page of the hub copied from the browser: the hub itself
    path = quote(hub_path, safe="/%:@!$&()*+,;=~")
    return f"{parts.scheme}://{host}{f':{port}' if port is not None else ''}{path}".rstrip("/")


def binder(repo: str, ref: str, path: str) -> str:
    """A mybinder.org link that opens ``path`` (relative to the repository) in JupyterLab."""
    owner, name = repository(repo)
    return (f"{BINDER}/v2/gh/{owner}/{name}/{quote(reference(ref), safe='')}"
            f"?urlpath={quote('lab/tree/' + path, safe='/')}")


def nbgitpuller(hub: str, repo: str, ref: str, path: str) -> str:
    """An nbgitpuller link: the hub pulls the repository, then opens ``path`` in JupyterLab."""
    owner, name = repository(repo)
    query = urlencode({"repo": f"https://github.com/{owner}/{name}",
                       "urlpath": f"lab/tree/{name}/{path}", "branch": reference(ref)})
    return f"{hub_url(hub)}/hub/user-redirect/git-pull?{query}"


def badge(repo: str, ref: str, path: str) -> str:
    """The Markdown Binder badge for the README."""
    return f"[![Binder]({BADGE})]({binder(repo, ref, path)})"


def main(args, root: Path = ROOT) -> int:
    """Print the links of every lesson and student exercise set, then the README badge
    (which opens the first lesson, 00_start_here)."""
    repository(args.repo)
    reference(args.ref)
    if args.hub is not None:
        hub_url(args.hub)
    shown = [lesson for lesson in discover(root) if lesson.kind != "solutions"]
    if not any(lesson.kind == "lesson" for lesson in shown):
        raise CourseError(f"no lessons (NN_topic.ipynb) found in {root / 'notebooks'}")
    for lesson in shown:
        path = lesson.path.relative_to(root).as_posix()
        print(f"{lesson.slug}  {lesson.title()}")
        print(f"  Binder:      {binder(args.repo, args.ref, path)}")
        if args.hub is not None:
            print(f"  nbgitpuller: {nbgitpuller(args.hub, args.repo, args.ref, path)}")
    print("\nREADME badge:")
    print(badge(args.repo, args.ref, shown[0].path.relative_to(root).as_posix()))
    return 0
