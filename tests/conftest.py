"""Shared fixtures: LibreOffice as a recalculation oracle and a stand-in for "a team saved it"."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


class LibreOffice:
    """Headless soffice with a profile that recalculates every formula on load (its default is never)."""

    def __init__(self, executable: str, profile: Path):
        self.executable = executable
        (profile / "user").mkdir(parents=True, exist_ok=True)
        (profile / "user" / "registrymodifications.xcu").write_text(RECALC_PROFILE, encoding="utf-8")
        self.profile = profile

    def convert(self, paths, out_dir: Path, to: str = "xlsx") -> list[Path]:
        """Open each file, recalculate, save as `to` in `out_dir`; fail unless every output exists."""
        out_dir.mkdir(parents=True, exist_ok=True)
        command = [
            self.executable, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--calc",
            "--convert-to", to, "--outdir", str(out_dir), *map(str, paths),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        outputs = [out_dir / f"{Path(p).stem}.{to.split(':')[0]}" for p in paths]
        missing = [o.name for o in outputs if not o.exists()]
        # soffice exits 0 even when it could not load a file: the outputs are the proof.
        assert not missing, f"LibreOffice wrote no {missing}: {done.stdout} {done.stderr}"
        return outputs


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory) -> LibreOffice:
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice is missing in CI: .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice is not installed: apt-get install --no-install-recommends libreoffice-calc-nogui")
    return LibreOffice(executable, tmp_path_factory.mktemp("lo-profile"))
