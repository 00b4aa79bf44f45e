"""Binder and nbgitpuller links: URL forms, the README badge, and bad --repo / --ref / --hub."""

import argparse
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warcourse import links
from warcourse.__main__ import main
from warcourse.errors import UsageError

FIXTURES = Path(__file__).parent / "fixtures"
REPO = "some-one/counting-a-war"


def test_binder_link_opens_the_notebook_in_jupyterlab():
    url = urlsplit(links.binder(REPO, "main", "notebooks/03_air campaigns.ipynb"))
    assert (url.scheme, url.netloc) == ("https", "mybinder.org")
    assert url.path == "/v2/gh/some-one/counting-a-war/main"
    assert url.query == "urlpath=lab/tree/notebooks/03_air%20campaigns.ipynb"
    assert parse_qs(url.query) == {"urlpath": ["lab/tree/notebooks/03_air campaigns.ipynb"]}


def test_binder_link_encodes_a_ref_with_a_slash():
    url = urlsplit(links.binder(REPO, "course/2024", "notebooks/00_start_here.ipynb"))
    assert url.path == "/v2/gh/some-one/counting-a-war/course%2F2024"
    assert unquote(url.path.rsplit("/", 1)[1]) == "course/2024"


def test_nbgitpuller_link_has_the_documented_form():
    text = links.nbgitpuller("https://hub.example.org/", REPO, "main", "notebooks/03_air_campaigns.ipynb")
    assert text == ("https://hub.example.org/hub/user-redirect/git-pull"
                    "?repo=https%3A%2F%2Fgithub.com%2Fsome-one%2Fcounting-a-war"
                    "&urlpath=lab%2Ftree%2Fcounting-a-war%2Fnotebooks%2F03_air_campaigns.ipynb&branch=main")
    url = urlsplit(text)
    assert parse_qs(url.query) == {"repo": ["https://github.com/some-one/counting-a-war"],
                                   "urlpath": ["lab/tree/counting-a-war/notebooks/03_air_campaigns.ipynb"],
                                   "branch": ["main"]}


def test_nbgitpuller_link_keeps_the_path_of_a_hub_behind_a_prefix():
    url = urlsplit(links.nbgitpuller("http://example.org/jupyter", REPO, "v1.0", "notebooks/x.ipynb"))
    assert url.path == "/jupyter/hub/user-redirect/git-pull"
    assert parse_qs(url.query)["branch"] == ["v1.0"]


def test_badge_is_markdown_around_the_binder_link():
    text = links.badge(REPO, "main", "notebooks/00_start_here.ipynb")
    assert text == ("[![Binder](https://mybinder.org/badge_logo.svg)]"
                    "(https://mybinder.org/v2/gh/some-one/counting-a-war/main"
                    "?urlpath=lab/tree/notebooks/00_start_here.ipynb)")


@pytest.mark.parametrize("repo", ["counting-a-war", "a/b/c", "-owner/name", "owner-/name", "ow--ner/name",
                                  "owner/na me", "owner/", "/name", "owner/name.git", "owner/..",
                                  "x" * 40 + "/n"])
def test_bad_repo_is_refused(repo):
    with pytest.raises(UsageError, match="--repo"):
        links.repository(repo)


@pytest.mark.parametrize("repo", ["a/b", "Some-One/counting.a_war-2", "x" * 39 + "/" + "y" * 100])
def test_good_repo_is_accepted(repo):
    assert "/".join(links.repository(repo)) == repo


@pytest.mark.parametrize("ref", ["", "a b", "a..b", "-x", "x/", "x.lock", "a:b", "a?b", "a\\b"])
def test_bad_ref_is_refused(ref):
    with pytest.raises(UsageError, match="--ref"):
        links.reference(ref)


@pytest.mark.parametrize("hub", ["hub.example.org", "ftp://hub.example.org", "https://", "https://h/?x=1",
                                 "https://h/#x", "https://h/a b", "https://h/?", "https://h/#",
                                 "https://h:99999/", "https://h:port/", "https://h:-1/", "https://h:/",
                                 "https://[::1/", "https://::1]/", "https://[::1]]/", "https://[not-ip]/",
                                 "https://h/a\"b", "https://h/a'b", "https://h/<script>", "https://h>/",
                                 "https://h\\x/", "https://h/a\\b", "https://h/%zz", "https://user@h/",
                                 "https://h..x/", "https://h/\x7f", "https://,/", "https://-h/"])
def test_bad_hub_is_refused(hub):
    with pytest.raises(UsageError, match="^--hub must be the http:// or https:// address of a JupyterHub; "):
        links.hub_url(hub)


@pytest.mark.parametrize(("hub", "url"), [
    ("https://hub.example.org/", "https://hub.example.org"),
    ("http://HUB.example.org:8000/jupyter/", "http://hub.example.org:8000/jupyter"),
    ("https://[::1]:8443/x", "https://[::1]:8443/x"),
    ("https://hüb.example.org/päth", "https://xn--hb-xka.example.org/p%C3%A4th"),
    ("https://h/a%20b", "https://h/a%20b")])
def test_good_hub_comes_back_encoded(hub, url):
    assert links.hub_url(hub) == url


URL = re.compile(r"^https?://[A-Za-z0-9.\-\[\]:]+(?:/(?:[A-Za-z0-9\-._~!$&()*+,;=:@/]|%[0-9A-F]{2})*)?"
                 r"(?:\?(?:[A-Za-z0-9\-._~!$&()*+,;=:@/?]|%[0-9A-F]{2})*)?$")


@settings(max_examples=300)
@given(st.text(max_size=40).map(lambda tail: "https://" + tail) | st.text(max_size=40))
def test_any_hub_is_refused_or_printed_as_a_valid_encoded_url(text):
    try:
        hub = links.hub_url(text)
    except UsageError as error:
        assert "\n" not in str(error)
        return
    link = links.nbgitpuller(hub, REPO, "main", "notebooks/03 air.ipynb")
    assert URL.match(link), link
    parts = urlsplit(link)
    assert parts.scheme in ("http", "https") and parts.hostname and not parts.fragment


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A repository with one lesson and one exercise set (solution and student copy)."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises" / "solutions").mkdir(parents=True)
    shutil.copy(FIXTURES / "90_fixture_lesson.ipynb", tmp_path / "notebooks" / "00_start_here.ipynb")
    for folder in ("exercises", "exercises/solutions"):
        shutil.copy(FIXTURES / "91_fixture_fails.ipynb", tmp_path / folder / "03_air_campaigns.ipynb")
    return tmp_path


def test_main_prints_links_for_lessons_and_student_copies_only(course, capsys):
    args = argparse.Namespace(repo=REPO, ref="main", hub="https://hub.example.org")
    assert links.main(args, root=course) == 0
    out = capsys.readouterr().out
    assert "00_start_here  A fixture lesson" in out
    assert "urlpath=lab/tree/exercises/03_air_campaigns.ipynb" in out
    assert "solutions" not in out
    assert out.count("user-redirect/git-pull") == 2
    assert out.rstrip().endswith(links.badge(REPO, "main", "notebooks/00_start_here.ipynb"))


def test_everything_main_prints_as_a_link_is_a_valid_encoded_url(course, capsys):
    args = argparse.Namespace(repo=REPO, ref="rel/2024", hub="https://hüb.example.org:8443/a b"[:-4])
    assert links.main(args, root=course) == 0
    printed = re.findall(r"(?:Binder|nbgitpuller): +(\S+)", capsys.readouterr().out)
    assert len(printed) == 4 and all(URL.match(url) for url in printed), printed


def test_main_without_hub_prints_no_nbgitpuller_links(course, capsys):
    assert links.main(argparse.Namespace(repo=REPO, ref="main", hub=None), root=course) == 0
    assert "git-pull" not in capsys.readouterr().out


def test_bad_repo_on_the_command_line_is_one_line_and_status_2(capsys):
    assert main(["links", "--repo", "not a repo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: --repo must be OWNER/NAME")


def test_a_closed_pipe_ends_quietly():
    """`python -m warcourse links ... | head -1` prints its first line and no traceback."""
    import subprocess
    import sys

    shell = f"{sys.executable} -m warcourse links --repo OWNER/NAME | head -1"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=60)
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


@pytest.mark.parametrize("copied", ["https://hub.example.org/hub/", "https://hub.example.org/hub/home",
                                    "https://hub.example.org/hub/user/ana/lab"])
def test_a_hub_page_copied_from_the_browser_gives_the_hub(copied):
    assert links.nbgitpuller(copied, REPO, "main", "notebooks/03_air_campaigns.ipynb").startswith(
        "https://hub.example.org/hub/user-redirect/git-pull?")
    assert links.hub_url("https://example.org/jupyter/hub/home") == "https://example.org/jupyter"
