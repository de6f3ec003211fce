"""`mkdocs serve` running on a copy of the project, for the edit-loop test and benchmark: start it, read its
pages, wait until they show a text. Never on the real tree: the caller passes a throw-away copy."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

SOURCE_DATE_EPOCH = "1767225600"  # as conftest.py: the build's dates


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveSite:
    """`mkdocs serve --strict` of `project`, its log in `project/serve.log`; `extra_env` is added to its
    environment (PLAYBOOK_CACHE=off for the benchmark's baseline)."""

    def __init__(self, project: Path, extra_env: dict | None = None, ready_within: float | None = 900):
        self.project, self.base = project, f"http://127.0.0.1:{free_port()}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(extra_env or {})}
        self.log = open(project / "serve.log", "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", self.base[7:-1]],
            cwd=project, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        if ready_within:
            self.ready(ready_within)

    def ready(self, within: float = 900):
        """Wait for the first build: its last file is the service worker (playbook/site/installable.py), after both
        languages and their search indexes."""
        self.wait(lambda: "precacheAndRoute" in self.get("sw.js"), within, "the first build")

    def get(self, path: str) -> str:
        """The served text of `path` (relative to the site root), or "" while it cannot be read."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, OSError):
            return ""

    def pages(self) -> list[str]:
        """Every page of both languages, from the sitemap (site-relative paths)."""
        found = re.findall(r'(?:<loc>|href=")' + re.escape(self.base) + r'([^<"]*\.html)', self.get("sitemap.xml"))
        return sorted(set(found))

    def wait(self, done, within: float, what: str, poll: float = 0.05) -> float:
        """Seconds until `done()` holds; fails with the server's last lines after `within` seconds."""
        start = time.perf_counter()
        while not done():
            if self.process.poll() is not None or time.perf_counter() - start > within:
                raise AssertionError(f"{what} not served after {time.perf_counter() - start:.0f} s; mkdocs serve "
                                     f"said:\n{(self.project / 'serve.log').read_text(encoding='utf-8')[-3000:]}")
            time.sleep(poll)
        return time.perf_counter() - start

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server has used so far: steadier than the wall clock on a busy machine."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


def replace_in(path: Path, old: str, new: str):
    """Save `path` with `old` (which must be there once) replaced: an author's edit."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is in {path} {text.count(old)} times; expected once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def search_text(site: LiveSite, lang: str) -> str:
    """The served search index of one language, with jieba's word breaks (U+200B) taken out."""
    return site.get(("" if lang == "zh" else f"{lang}/") + "search/search_index.json").replace("\u200b", "")
